import { StyleSheet, Text } from 'react-native';

export function Title() {
  // ruleid: hig-font-size
  return <Text style={{ fontSize: 22 }}>Title</Text>;
}

const styles = StyleSheet.create({
  body: {
    // ruleid: hig-font-size
    fontSize: 15,
    // ok: hig-font-size
    lineHeight: 20,
  },
  // ok: hig-font-size
  heading: { fontSize: theme.typography.title1.fontSize },
});
