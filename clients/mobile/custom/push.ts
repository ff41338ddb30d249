/**
 * Push notifications of the companion (hand-written): registers this device's Expo push token with Luna
 * (POST /api/v1/devices) so it hears when a followed task ends and when a budget alert fires, and opens the task or
 * the alerts when a notification is tapped. The token itself comes from the generated src/notifications.ts.
 */
import * as Notifications from 'expo-notifications';
import { useRouter } from 'expo-router';
import { useEffect, useState } from 'react';
import { Platform } from 'react-native';
import { registerForPushNotifications } from '../src/notifications';
import type { Device } from './luna';
import { routeOfData } from './routes';
import { luna } from './session';

/** Registers the device once signed in; answers it (null until registered, or when push is unavailable) and why not. */
export function useDeviceRegistration(ready: boolean): { device: Device | null; problem: string | null } {
  const [device, setDevice] = useState<Device | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    registerForPushNotifications()
      .then(async (token) => {
        if (!token) throw new Error('Notifications are off or unavailable here (a simulator, or permission refused).');
        const platform = Platform.OS === 'ios' || Platform.OS === 'android' ? Platform.OS : 'web';
        const d = await luna.registerDevice(token, platform);
        if (!cancelled) setDevice(d);
      })
      .catch((e: unknown) => {
        if (!cancelled) setProblem(e instanceof Error ? e.message : 'Could not register for notifications.');
      });
    return () => {
      cancelled = true;
    };
  }, [ready]);
  return { device, problem };
}

/** Opens what a tapped notification is about (also when the tap started the app). */
export function useNotificationRoutes() {
  const router = useRouter();
  useEffect(() => {
    const open = (response: Notifications.NotificationResponse | null) => {
      const route = routeOfData(response?.notification.request.content.data);
      if (route) router.push(route as never);
    };
    Notifications.getLastNotificationResponseAsync().then(open).catch(() => undefined);
    const sub = Notifications.addNotificationResponseReceivedListener(open);
    return () => sub.remove();
  }, [router]);
}
