import { StyleSheet, Text, View } from 'react-native';

export function Row() {
  return (
    <View style={styles.row}>
      {/* ruleid: hig-fixed-layout */}
      <Text allowFontScaling={false}>Fixed</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  row: {
    // ruleid: hig-fixed-layout
    height: 40,
    fontSize: theme.typography.body.fontSize,
  },
  image: {
    // ok: hig-fixed-layout
    height: 40,
    width: 40,
  },
});
