import Constants from 'expo-constants';
import { currentToken } from '../auth/session';
import { createClient } from './client';

/** The API's base URL: app.json's extra.apiUrl (set it per environment), else the one given at generation. */
export const baseUrl = (Constants.expoConfig?.extra?.apiUrl as string | undefined) ?? 'http://localhost:8080';

export const api = createClient({ baseUrl, getToken: currentToken });
