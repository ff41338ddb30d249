import { Pressable, StyleSheet, Text, TouchableOpacity, View } from 'react-native';

export function Controls({ onPress }: { onPress: () => void }) {
  return (
    <View>
      <Pressable onPress={onPress} style={styles.chip}>
        <Text>Chip</Text>
      </Pressable>
      {/* ruleid: small-hit-target */}
      <TouchableOpacity onPress={onPress} style={{ width: 24, height: 50 }}>
        <Text>Go</Text>
      </TouchableOpacity>
      {/* ok: small-hit-target */}
      <Pressable onPress={onPress} hitSlop={12} style={{ width: 24 }}>
        <Text>Slop</Text>
      </Pressable>
      {/* ok: small-hit-target */}
      <View style={{ width: 10, height: 10 }} />
    </View>
  );
}

const styles = StyleSheet.create({
  chip: {
    // ruleid: small-hit-target
    height: 32,
    // ok: small-hit-target
    width: 120,
  },
});
