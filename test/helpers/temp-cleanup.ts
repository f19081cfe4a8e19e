// Vitest setup file: after each test file, remove the temporary folders its tests made (test/helpers/temp.ts).
import { afterAll } from 'vitest';
import { removeTempFolders } from './temp.js';

afterAll(removeTempFolders);
