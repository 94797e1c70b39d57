import { createContext, useContext } from 'react';

/** Starts a new session generation (after login or logout): a new API client, the viewer asked again. */
export const SessionActions = createContext<() => void>(() => undefined);

export const useRestartSession = () => useContext(SessionActions);
