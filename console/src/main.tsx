import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Api, ApiError } from './api/client';
import { AuthProvider } from './api/session';
import App from './App';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a refusal (4xx) is an answer, not a glitch: only network errors and 5xx are retried
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});
const api = new Api();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthProvider api={api}>
        <App />
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);
