import { StyleSheet, View } from 'react-native';

export function Panel() {
  return <View style={styles.panel} />;
}

const styles = StyleSheet.create({
  panel: {
    // ruleid: missing-dark-mode
    backgroundColor: '#F2F2F7',
    borderRadius: 12,
    // ok: missing-dark-mode
    borderColor: '#C6C6C8',
  },
});
