// The render form's answer when frames of its range are on disk already: the choices, in order.
export const EXISTING_OPTIONS = [
  { label: 'Resume: render only the missing frames', value: 'resume' },
  { label: 'Overwrite: render every frame again', value: 'overwrite' },
  { label: 'Cancel', value: 'cancel' },
] as const;
