import { Pressable, StyleSheet, Text, TouchableOpacity, View } from 'react-native';

export function Controls({ onPress }: { onPress: () => void }) {
  return (
    <View>
      <Pressable onPress={onPress} style={styles.chip}>
        <Text>Chip</Text>
      </Pressable>
      {/* ruleid: hig-hit-target */}
      <TouchableOpacity onPress={onPress} style={{ width: 24, height: 50 }}>
        <Text>Go</Text>
      </TouchableOpacity>
      {/* ok: hig-hit-target */}
      <Pressable onPress={onPress} hitSlop={12} style={{ width: 24 }}>
        <Text>Slop</Text>
      </Pressable>
      {/* ok: hig-hit-target */}
      <View style={{ width: 10, height: 10 }} />
    </View>
  );
}

const styles = StyleSheet.create({
  chip: {
    // ruleid: hig-hit-target
    height: 32,
    // ok: hig-hit-target
    width: 120,
  },
});
