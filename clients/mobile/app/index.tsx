import { Redirect } from 'expo-router';

/** Opens the first resource's drawer item. */
export default function Index() {
  return <Redirect href="/agents" />;
}
