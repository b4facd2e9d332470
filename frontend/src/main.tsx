import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ApiError } from './api/errors';
import './styles.css';
import './styles/theme.css';
import './styles/phone.css';
import { applyTheme, storedTheme } from './lib/theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retry only what may pass next time (network, 5xx); 4xx answers are final.
      retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      staleTime: 10_000,
      refetchOnWindowFocus: true,
    },
  },
});

// Before the first paint, so a light page never flashes dark.
applyTheme(storedTheme());

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
