export { verifyConnection } from './api/verify-connection';
export { connectionStore, type StoredConnection } from './connection-store';
export { ProjectNotFound } from './project-not-found';
export { forgetProjects, recentProjects, rememberProject } from './recent-projects';
export { safeRedirect } from './safe-redirect';
export { ScopeSwitcher } from './scope-switcher';
export { startSignInLink, whenSignInLinkSettled } from './sign-in-link';
export { SignInLinkGate } from './sign-in-link-gate';
export { useConnection } from './use-connection';
