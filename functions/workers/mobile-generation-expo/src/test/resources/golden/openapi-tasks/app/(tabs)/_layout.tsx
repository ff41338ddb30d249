import { Tabs } from 'expo-router/tabs';
import { copy } from '../../src/copy';
import { useTheme } from '../../src/theme';

/** One tab per API resource. */
export default function TabsLayout() {
  const { colors } = useTheme();
  return (
    <Tabs
      screenOptions={{
        tabBarActiveTintColor: colors.tint,
        headerStyle: { backgroundColor: colors.systemBackground },
        headerTitleStyle: { color: colors.label },
      }}
    >
      <Tabs.Screen name="projects" options={{ title: copy.projects.title }} />
      <Tabs.Screen name="tasks" options={{ title: copy.tasks.title }} />
    </Tabs>
  );
}
