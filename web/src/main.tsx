import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AccountGate } from './account/AccountGate.js';
import { App } from './App.js';
import { DataProvider } from './data/DataProvider.js';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AccountGate>
        <DataProvider>
          <App />
        </DataProvider>
      </AccountGate>
    </BrowserRouter>
  </StrictMode>,
);
