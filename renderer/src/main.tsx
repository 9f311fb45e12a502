import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { connect } from './api/connect.ts';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={connect()} />
  </StrictMode>,
);
