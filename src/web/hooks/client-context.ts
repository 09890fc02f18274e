import { createContext, useContext } from 'react';
import type { ApiClient, Session } from '../api/api-client.ts';

/** The one API client of the app, created in main.tsx. */
export const ClientContext = createContext<ApiClient | null>(null);

/** The logged-in user's session; pages under the login gate always have one. */
export const SessionContext = createContext<Session | null>(null);

export const useClient = (): ApiClient => {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside <ClientContext.Provider>');
  return client;
};

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the login gate');
  return session;
};
