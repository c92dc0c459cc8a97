export { connectionStore, consumeSignInFragment, type StoredConnection } from './connection-store';
export { ScopeSwitcher } from './scope-switcher';
export { SignInPage } from './sign-in-page';
export { useConnection } from './use-connection';
