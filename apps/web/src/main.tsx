import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app/App';
import { createAppServices } from './app/app-services';
import { preloadLandingPage } from './app/preload-landing';
import { GraphQLClientContext } from './lib/graphql-client-context';
import { SessionStoreContext } from './modules/auth/utils/session-context';
import { ErrorBoundary } from './modules/shell/components/ErrorBoundary';
import './styles/global.css';

const services = createAppServices();
const restored = services.restoreSession();
preloadLandingPage(services, restored, window.location);

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <GraphQLClientContext value={services.client}>
        <SessionStoreContext value={services.session}>
          <QueryClientProvider client={services.queryClient}>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </QueryClientProvider>
        </SessionStoreContext>
      </GraphQLClientContext>
    </ErrorBoundary>
  </StrictMode>,
);
