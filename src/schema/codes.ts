// Diagnostic codes of the schema stage: the shape of every document (SP2xxx).
import { defineCodes } from '../diagnostics/registry.js';

export const SCHEMA_CODES = defineCodes({
  unknownProperty: {
    code: 'SP2001',
    severity: 'error',
    title: 'Unknown property',
    description: 'The mapping has a property its schema does not define: usually a typo, which would otherwise be silently ignored.',
    example: 'code: meet-standard\nname: Standard\nservice_type: meet\npirce: 10\n',
    fix: 'Correct the name (the hint suggests the closest known one) or remove the property.',
  },
  missingProperty: {
    code: 'SP2002',
    severity: 'error',
    title: 'Missing required property',
    description: 'A property the schema requires is absent.',
    example: 'code: meet-standard\nservice_type: meet\n',
    fix: 'Add the property.',
  },
  wrongType: {
    code: 'SP2003',
    severity: 'error',
    title: 'Wrong type',
    description: 'The value has the wrong type: a string where a number is expected, a list where a mapping is expected…',
    example: 'price: "10"\n',
    fix: 'Write a value of the expected type; remove the quotes around numbers and booleans.',
  },
  notAllowedValue: {
    code: 'SP2004',
    severity: 'error',
    title: 'Value not allowed',
    description: 'The value is not one of the allowed values.',
    example: 'status: enabled\n',
    fix: 'Use one of the values listed in the message.',
  },
  outOfRange: {
    code: 'SP2005',
    severity: 'error',
    title: 'Value out of range',
    description: 'A number is below its minimum or above its maximum, or a text or list is too short or too long.',
    example: 'periodicity: 0\n',
    fix: 'Use a value inside the range given in the message.',
  },
  badFormat: {
    code: 'SP2006',
    severity: 'error',
    title: 'Badly formed value',
    description: 'A text value does not have the expected form (code, id, date…).',
    example: 'code: Meet Standard\n',
    fix: 'Write the value in the form given in the message.',
  },
  invalidValue: {
    code: 'SP2007',
    severity: 'error',
    title: 'Invalid value',
    description: 'The value breaks another rule of its schema.',
    example: 'notification_preferences:\n  - event: quota_exceeded\n    channels: [email, email]\n',
    fix: 'Follow the message.',
  },
});
