export { verifyConnection } from './api/verify-connection';
export { connectionStore, consumeSignInFragment, type StoredConnection } from './connection-store';
export { ProjectNotFound } from './project-not-found';
export { forgetProjects, recentProjects, rememberProject } from './recent-projects';
export { safeRedirect } from './safe-redirect';
export { ScopeSwitcher } from './scope-switcher';
export { SignInPage } from './sign-in-page';
export { useConnection } from './use-connection';
