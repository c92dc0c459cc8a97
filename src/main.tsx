import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { startThemeSync } from '@/components/layout/use-theme';
import { consumeSignInFragment } from '@/features/connection';
import '@/styles/global.css';

// A `#token=…&org=…` fragment signs in once and is removed from the address bar at once.
consumeSignInFragment();
startThemeSync();

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
