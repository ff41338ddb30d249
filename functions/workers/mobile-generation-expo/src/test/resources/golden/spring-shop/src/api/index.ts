import Constants from 'expo-constants';
import { createClient } from './client';

/** The API's base URL: app.json's extra.apiUrl (set it per environment), else the one given at generation. */
export const baseUrl = (Constants.expoConfig?.extra?.apiUrl as string | undefined) ?? 'https://api.example.com';

export const api = createClient({ baseUrl });
