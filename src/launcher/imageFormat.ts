// Image format names: Blender's Python enum (what `--format` and the .blend use) and its `-F` words.

/** Python `image_settings.file_format` names that write one file per frame. */
export const IMAGE_FORMATS = [
  'PNG', 'JPEG', 'BMP', 'TARGA', 'TARGA_RAW', 'TIFF', 'OPEN_EXR', 'OPEN_EXR_MULTILAYER', 'HDR', 'IRIS',
  'JPEG2000', 'CINEON', 'DPX', 'WEBP',
] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

const ALIASES: Readonly<Record<string, ImageFormat>> = {
  JPG: 'JPEG', TGA: 'TARGA', RAWTGA: 'TARGA_RAW', TIF: 'TIFF', EXR: 'OPEN_EXR', JP2: 'JPEG2000',
};

/** `-F` spells a few formats differently from the Python enum. */
const CLI_NAMES: Partial<Record<ImageFormat, string>> = { TARGA: 'TGA', TARGA_RAW: 'RAWTGA', JPEG2000: 'JP2' };

/** `jpg` → `JPEG`; null for a name that is not a per-frame image format. */
export function normalizeImageFormat(text: string): ImageFormat | null {
  const upper = text.trim().toUpperCase();
  const alias = ALIASES[upper];
  if (alias) return alias;
  return IMAGE_FORMATS.find((format) => format === upper) ?? null;
}

export function blenderCliFormat(format: ImageFormat): string {
  return CLI_NAMES[format] ?? format;
}
