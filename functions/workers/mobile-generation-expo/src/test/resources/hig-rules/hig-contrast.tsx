import { StyleSheet, Text, useColorScheme } from 'react-native';

export function Hint() {
  useColorScheme();
  return <Text style={styles.hint}>Hint</Text>;
}

const styles = StyleSheet.create({
  hint: {
    // ruleid: hig-contrast
    color: '#999999',
    backgroundColor: '#FFFFFF',
  },
  fine: {
    // ok: hig-contrast
    color: '#000000',
    backgroundColor: '#FFFFFF',
  },
  large: {
    // ok: hig-contrast
    color: '#888888',
    backgroundColor: '#FFFFFF',
    fontSize: 28,
  },
});
