import { StyleSheet, Text } from 'react-native';

export function Title() {
  // ruleid: hard-coded-font-size
  return <Text style={{ fontSize: 22 }}>Title</Text>;
}

const styles = StyleSheet.create({
  body: {
    // ruleid: hard-coded-font-size
    fontSize: 15,
    // ok: hard-coded-font-size
    lineHeight: 20,
  },
  // ok: hard-coded-font-size
  heading: { fontSize: theme.typography.title1.fontSize },
});
