import { Stack, useRouter } from 'expo-router';
import { ScrollView } from 'react-native';
import { ListRow } from '../src/components/ListRow';
import { EmptyState } from '../src/components/States';
import { copy } from '../src/copy';
import { useTheme } from '../src/theme';

const sections: { href: string; title: string; subtitle: string }[] = [
  { href: '/products', title: copy.products.title, subtitle: copy.products.emptyMessage },
];

/** The start screen: the API's resources. */
export default function Home() {
  const router = useRouter();
  const { colors } = useTheme();
  if (sections.length === 0) {
    return <EmptyState title={copy.app.title} message={copy.app.note} />;
  }
  return (
    <ScrollView style={{ backgroundColor: colors.systemBackground }}>
      <Stack.Screen options={{ title: copy.app.title }} />
      {sections.map((s) => (
        <ListRow key={s.href} title={s.title} subtitle={s.subtitle} onPress={() => router.push(s.href as never)} />
      ))}
    </ScrollView>
  );
}
