import { Redirect } from 'expo-router';

/** Opens the first resource's tab. */
export default function Index() {
  return <Redirect href="/projects" />;
}
