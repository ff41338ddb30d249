import { Drawer } from 'expo-router/drawer';
import { copy } from '../../src/copy';
import { useTheme } from '../../src/theme';

/** One drawer item per API resource. */
export default function DrawerLayout() {
  const { colors } = useTheme();
  return (
    <Drawer
      screenOptions={{
        drawerActiveTintColor: colors.tint,
        headerStyle: { backgroundColor: colors.systemBackground },
        headerTitleStyle: { color: colors.label },
      }}
    >
      <Drawer.Screen name="agents" options={{ title: copy.agents.title }} />
      <Drawer.Screen name="api-keys" options={{ title: copy.apiKeys.title }} />
      <Drawer.Screen name="devices" options={{ title: copy.devices.title }} />
      <Drawer.Screen name="projects" options={{ title: copy.projects.title }} />
      <Drawer.Screen name="tasks" options={{ title: copy.tasks.title }} />
    </Drawer>
  );
}
