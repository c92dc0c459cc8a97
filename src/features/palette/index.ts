export { CommandPalette } from './command-palette';
export { FindElsewhere } from './find-elsewhere';
