import type { documentsEsCO } from './documents.es-co.ts'

// English texts of the documents panel: the `documents` block of en.ts.
export const documentsEn: typeof documentsEsCO = {
  title: 'Documents',
  tableLabel: 'Attached documents',
  empty: 'No documents yet.',
  upload: 'Upload document',
  newVersion: 'New version',
  newVersionFile: 'File of the new version',
  file: 'File',
  docTitle: 'Title',
  type: 'Type',
  visibilityLabel: 'Visibility',
  roles: 'Roles (comma-separated)',
  uploading: 'Uploading… {{percent}} %',
  preview: 'View',
  versions: 'Versions',
  versionCount_one: '{{count}} version',
  versionCount_other: '{{count}} versions',
  latest: 'current',
  versionN: 'Version {{n}}',
  download: 'Download',
  noPreview: 'This file type has no preview; download it.',
  types: {
    cedula: 'ID card (cédula)',
    rut: 'RUT (tax registry)',
    certificado_laboral: 'Employment certificate',
    hoja_de_vida: 'CV',
    pagare: 'Promissory note',
    otro: 'Other',
  },
  visibility: {
    private: 'Private',
    roles: 'By roles',
    org: 'Organization',
    public: 'Public (with link)',
  },
}
