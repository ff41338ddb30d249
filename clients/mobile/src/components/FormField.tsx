import { Switch, Text, TextInput, View } from 'react-native';
import { useTheme, hitTarget } from '../theme';

export interface FormFieldProps {
  label: string;
  kind: 'text' | 'number' | 'boolean';
  value: string;
  required?: boolean;
  /** Hide the text (passwords). */
  secure?: boolean;
  onChange: (value: string) => void;
}

/** A labelled input: text, number (numeric keyboard) or a switch; the value is kept as text until the form is saved. */
export function FormField({ label, kind, value, required = false, secure = false, onChange }: FormFieldProps) {
  const { colors, typography, spacing, radii } = useTheme();
  const title = required ? `${label} (required)` : label;
  if (kind === 'boolean') {
    return (
      <View style={{ flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', minHeight: hitTarget }}>
        <Text style={[typography.body, { color: colors.label, flexShrink: 1 }]}>{title}</Text>
        <Switch accessibilityLabel={label} value={value === 'true'} onValueChange={(v) => onChange(v ? 'true' : 'false')} />
      </View>
    );
  }
  return (
    <View style={{ gap: spacing.xxs }}>
      <Text style={[typography.subheadline, { color: colors.secondaryLabel }]}>{title}</Text>
      <TextInput
        accessibilityLabel={label}
        value={value}
        onChangeText={onChange}
        secureTextEntry={secure}
        autoCapitalize={secure ? 'none' : 'sentences'}
        keyboardType={kind === 'number' ? 'numeric' : 'default'}
        placeholderTextColor={colors.secondaryLabel}
        style={[
          typography.body,
          { color: colors.label, minHeight: hitTarget, borderColor: colors.separator, borderWidth: 1, borderRadius: radii.small, paddingHorizontal: spacing.xs },
        ]}
      />
    </View>
  );
}
