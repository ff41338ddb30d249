import { Stack, useLocalSearchParams, useRouter } from 'expo-router';
import { useEffect, useState } from 'react';
import { ScrollView, Text } from 'react-native';
import { api } from '../../src/api';
import type { DeviceRequest } from '../../src/api/types';
import { Button } from '../../src/components/Button';
import { FormField } from '../../src/components/FormField';
import { copy } from '../../src/copy';
import { useChange, useItem } from '../../src/data/hooks';
import { useTheme } from '../../src/theme';

type Body = DeviceRequest;
type Values = Record<string, string>;

const fields: { name: string; label: string; kind: 'text' | 'number' | 'boolean'; required: boolean }[] = [
  { name: 'expoPushToken', label: 'Expo push token', kind: 'text', required: true },
  { name: 'platform', label: 'Platform', kind: 'text', required: true },
];

/** The form's text values → the request body (numbers and booleans converted). */
export function toBody(values: Values): Body {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined || v === '') continue;
    body[f.name] = f.kind === 'number' ? Number(v) : f.kind === 'boolean' ? v === 'true' : v;
  }
  return body as Body;
}

/** Create a device. */
export default function DevicesForm() {
  const { id: raw } = useLocalSearchParams<{ id?: string }>();
  const id = typeof raw === 'string' ? raw : '';
  const router = useRouter();
  const { colors, typography, spacing } = useTheme();
  const [values, setValues] = useState<Values>({});
  useEffect(() => setValues({}), [id]);
  const save = useChange('devices', (body: Body) =>
    api.devicesRegister({ body }),
  );
  const missing = fields.filter((f) => f.required && !values[f.name]).map((f) => f.label);
  return (
    <ScrollView style={{ backgroundColor: colors.systemBackground }} contentContainerStyle={{ padding: spacing.m, gap: spacing.m }}>
      <Stack.Screen options={{ title: id ? `Edit ${copy.devices.singular}` : `New ${copy.devices.singular}` }} />
      {fields.map((f) => (
        <FormField
          key={f.name}
          label={f.label}
          kind={f.kind}
          required={f.required}
          value={values[f.name] ?? ''}
          onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
        />
      ))}
      {save.error ? (
        <Text accessibilityLiveRegion="polite" style={[typography.body, { color: colors.destructive }]}>
          {save.error instanceof Error ? save.error.message : 'Could not save.'}
        </Text>
      ) : null}
      <Button
        title={save.busy ? 'Saving…' : 'Save'}
        disabled={save.busy || missing.length > 0}
        accessibilityLabel={missing.length ? `Save, needs ${missing.join(', ')}` : 'Save'}
        onPress={() => {
          void save.run(toBody(values)).then(() => router.back(), () => undefined);
        }}
      />
    </ScrollView>
  );
}
