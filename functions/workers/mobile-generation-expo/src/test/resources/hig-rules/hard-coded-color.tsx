import { StyleSheet, Text, useColorScheme } from 'react-native';
import { Ionicons } from '@expo/vector-icons';

export function Badge() {
  const scheme = useColorScheme();
  return (
    <>
      {/* ruleid: hard-coded-color */}
      <Ionicons name="star" color="#FFCC00" />
      {/* ok: hard-coded-color */}
      <Text style={{ color: scheme === 'dark' ? palette.dark.label : palette.light.label }}>Badge</Text>
    </>
  );
}

const styles = StyleSheet.create({
  box: {
    // ruleid: hard-coded-color
    backgroundColor: '#fff',
    // ruleid: hard-coded-color
    borderColor: 'black',
    // ok: hard-coded-color
    color: colors.label,
  },
});
