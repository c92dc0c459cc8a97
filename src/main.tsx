import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { startThemeSync } from '@/components/layout/use-theme';
import { startSignInLink } from '@/features/connection/sign-in-link';
import '@/styles/global.css';

// A `#code=…` sign-in link leaves the address bar at once, then is redeemed at this origin; also
// when only the fragment changes (a link into an open tab does not reload the page).
void startSignInLink();
window.addEventListener('hashchange', () => void startSignInLink());
startThemeSync();

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
