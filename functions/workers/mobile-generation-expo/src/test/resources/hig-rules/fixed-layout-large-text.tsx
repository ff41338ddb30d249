import { StyleSheet, Text, View } from 'react-native';

export function Row() {
  return (
    <View style={styles.row}>
      {/* ruleid: fixed-layout-large-text */}
      <Text allowFontScaling={false}>Fixed</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  row: {
    // ruleid: fixed-layout-large-text
    height: 40,
    fontSize: theme.typography.body.fontSize,
  },
  image: {
    // ok: fixed-layout-large-text
    height: 40,
    width: 40,
  },
});
