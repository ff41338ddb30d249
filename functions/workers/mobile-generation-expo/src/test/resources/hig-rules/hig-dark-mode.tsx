import { StyleSheet, View } from 'react-native';

export function Panel() {
  return <View style={styles.panel} />;
}

const styles = StyleSheet.create({
  panel: {
    // ruleid: hig-dark-mode
    backgroundColor: '#F2F2F7',
    borderRadius: 12,
    // ok: hig-dark-mode
    borderColor: '#C6C6C8',
  },
});
