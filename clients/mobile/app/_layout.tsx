import { Stack } from 'expo-router';
import { StatusBar } from 'expo-status-bar';
import { GestureHandlerRootView } from 'react-native-gesture-handler';
import { SafeAreaProvider } from 'react-native-safe-area-context';
import { DataProvider } from '../src/data/DataProvider';
import { SessionProvider, useSession } from '../src/auth/session';
import { usePushToken } from '../src/notifications';
import { useTheme } from '../src/theme';

/** The root: theme-aware status bar, data provider, session, push registration and the screen stack. */
export default function RootLayout() {
  return (
    <GestureHandlerRootView style={{ flex: 1 }}>
      <SafeAreaProvider>
        <DataProvider>
          <SessionProvider>
            <Screens />
          </SessionProvider>
        </DataProvider>
      </SafeAreaProvider>
    </GestureHandlerRootView>
  );
}

function Screens() {
  const { colors, dark } = useTheme();
  const { token, ready } = useSession();
  const signedIn = ready && token !== null;
  usePushToken();
  return (
    <>
      <StatusBar style={dark ? 'light' : 'dark'} />
      <Stack
        screenOptions={{
          headerStyle: { backgroundColor: colors.systemBackground },
          headerTintColor: colors.tint,
          headerTitleStyle: { color: colors.label },
          contentStyle: { backgroundColor: colors.systemBackground },
        }}
      >
        <Stack.Protected guard={signedIn}>
          <Stack.Screen name="(drawer)" options={{ headerShown: false }} />
          <Stack.Screen name="index" />
          <Stack.Screen name="agents/[id]" />
          <Stack.Screen name="agents/form" />
          <Stack.Screen name="api-keys/[id]" />
          <Stack.Screen name="api-keys/form" />
          <Stack.Screen name="devices/[id]" />
          <Stack.Screen name="devices/form" />
          <Stack.Screen name="projects/[id]" />
          <Stack.Screen name="projects/form" />
          <Stack.Screen name="tasks/[id]" />
          <Stack.Screen name="tasks/form" />
        </Stack.Protected>
        <Stack.Protected guard={!signedIn}>
          <Stack.Screen name="sign-in" options={{ title: 'Sign in' }} />
        </Stack.Protected>
      </Stack>
    </>
  );
}
