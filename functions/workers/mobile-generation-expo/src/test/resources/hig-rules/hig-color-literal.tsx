import { StyleSheet, Text, useColorScheme } from 'react-native';
import { Ionicons } from '@expo/vector-icons';

export function Badge() {
  const scheme = useColorScheme();
  return (
    <>
      {/* ruleid: hig-color-literal */}
      <Ionicons name="star" color="#FFCC00" />
      {/* ok: hig-color-literal */}
      <Text style={{ color: scheme === 'dark' ? palette.dark.label : palette.light.label }}>Badge</Text>
    </>
  );
}

const styles = StyleSheet.create({
  box: {
    // ruleid: hig-color-literal
    backgroundColor: '#fff',
    // ruleid: hig-color-literal
    borderColor: 'black',
    // ok: hig-color-literal
    color: colors.label,
  },
});
