import { Pressable, Text, TouchableOpacity } from 'react-native';
import { Ionicons } from '@expo/vector-icons';

export function Toolbar({ onShare, onLike, onMore }: { onShare: () => void; onLike: () => void; onMore: () => void }) {
  return (
    <>
      {/* ruleid: hig-icon-label */}
      <Pressable onPress={onShare} style={{ minWidth: 44, minHeight: 44 }}>
        <Ionicons name="share-outline" size={24} />
      </Pressable>
      {/* ok: hig-icon-label */}
      <Pressable onPress={onLike} accessibilityLabel="Like" style={{ minWidth: 44, minHeight: 44 }}>
        <Ionicons name="heart" size={24} />
      </Pressable>
      {/* ok: hig-icon-label */}
      <TouchableOpacity onPress={onMore} style={{ minWidth: 44, minHeight: 44 }}>
        <Ionicons name="ellipsis-horizontal" size={24} />
        <Text>More</Text>
      </TouchableOpacity>
    </>
  );
}
