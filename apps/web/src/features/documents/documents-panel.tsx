import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import type { Document, DocumentType, DocumentVisibility } from '@minga/contracts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import {
  documentQuery,
  documentsKey,
  downloadUrl,
  entityDocumentsQuery,
  uploadDocument,
} from './documents-api.ts'

const TYPES: DocumentType[] = ['cedula', 'rut', 'certificado_laboral', 'hoja_de_vida', 'pagare', 'otro']
const VISIBILITIES: DocumentVisibility[] = ['org', 'roles', 'private', 'public']

type Props = {
  slug: string
  entityType: 'person' | 'loan' | 'project' | 'meeting' | 'org'
  entityId: string
  canWrite: boolean
}

/** Documents attached to one entity: list, upload with progress, preview and versions. */
export function DocumentsPanel({ slug, entityType, entityId, canWrite }: Props) {
  const { t } = useTranslation()
  const list = useQuery(entityDocumentsQuery(slug, entityType, entityId))
  const [previewId, setPreviewId] = useState<string | null>(null)
  return (
    <Stack gap="md">
      <Title order={2}>{t('documents.title')}</Title>
      {canWrite && <UploadForm slug={slug} entityType={entityType} entityId={entityId} />}
      {list.isError && <Alert color="red">{errorMessage(t, list.error)}</Alert>}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('documents.empty')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table aria-label={t('documents.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.docTitle')}</Table.Th>
              <Table.Th>{t('documents.type')}</Table.Th>
              <Table.Th>{t('documents.versions')}</Table.Th>
              <Table.Th>{t('documents.visibilityLabel')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((d: Document) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.title}</Table.Td>
                <Table.Td>{t(`documents.types.${d.documentType}`)}</Table.Td>
                <Table.Td>{t('documents.versionCount', { count: d.versionCount })}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`documents.visibility.${d.visibility}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setPreviewId(d.id)}>
                    {t('documents.preview')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={previewId !== null}
        onClose={() => setPreviewId(null)}
        size="xl"
        title={t('documents.title')}
      >
        {previewId && <Preview slug={slug} id={previewId} canWrite={canWrite} />}
      </Modal>
    </Stack>
  )
}

function UploadForm({ slug, entityType, entityId }: Omit<Props, 'canWrite'>) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [title, setTitle] = useState('')
  const [type, setType] = useState<DocumentType>('otro')
  const [visibility, setVisibility] = useState<DocumentVisibility>('org')
  const [roles, setRoles] = useState('')
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!file) return
    const form = new FormData()
    form.set('entityType', entityType)
    form.set('entityId', entityId)
    form.set('documentType', type)
    form.set('title', title || file.name)
    form.set('visibility', visibility)
    if (visibility === 'roles') form.set('visibleToRoles', roles)
    form.set('file', file)
    setError(null)
    setProgress(0)
    try {
      await uploadDocument(slug, form, setProgress)
      setFile(null)
      setTitle('')
      await queryClient.invalidateQueries({ queryKey: documentsKey(slug) })
    } catch (err) {
      setError(err)
    } finally {
      setProgress(null)
    }
  }

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit}>
      <Stack gap="xs">
        <Group grow align="flex-end">
          <FileInput label={t('documents.file')} value={file} onChange={setFile} required />
          <TextInput
            label={t('documents.docTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Select
            label={t('documents.type')}
            data={TYPES.map((v) => ({ value: v, label: t(`documents.types.${v}`) }))}
            value={type}
            onChange={(v) => v && setType(v as DocumentType)}
            allowDeselect={false}
          />
          <Select
            label={t('documents.visibilityLabel')}
            data={VISIBILITIES.map((v) => ({ value: v, label: t(`documents.visibility.${v}`) }))}
            value={visibility}
            onChange={(v) => v && setVisibility(v as DocumentVisibility)}
            allowDeselect={false}
          />
        </Group>
        {visibility === 'roles' && (
          <TextInput
            label={t('documents.roles')}
            value={roles}
            onChange={(e) => setRoles(e.currentTarget.value)}
          />
        )}
        {progress !== null && (
          <Progress value={progress} aria-label={t('documents.uploading', { percent: progress })} />
        )}
        {error !== null && <Alert color="red">{errorMessage(t, error)}</Alert>}
        <Group>
          <Button type="submit" disabled={!file || progress !== null}>
            {t('documents.upload')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

function Preview({ slug, id, canWrite }: { slug: string; id: string; canWrite: boolean }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const doc = useQuery(documentQuery(slug, id))
  const latest = doc.data?.latest
  const link = useQuery({
    queryKey: [...documentsKey(slug), 'one', id, 'link', latest?.id],
    queryFn: () => downloadUrl(slug, id, latest?.id),
    enabled: Boolean(latest),
    staleTime: 60_000,
  })
  const [file, setFile] = useState<File | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)

  async function uploadVersion() {
    if (!file) return
    const form = new FormData()
    form.set('file', file)
    setError(null)
    setProgress(0)
    try {
      await uploadDocument(slug, form, setProgress, id)
      setFile(null)
      await queryClient.invalidateQueries({ queryKey: documentsKey(slug) })
    } catch (err) {
      setError(err)
    } finally {
      setProgress(null)
    }
  }

  if (doc.isError) return <Alert color="red">{errorMessage(t, doc.error)}</Alert>
  if (!doc.data || !latest) return null
  const url = link.data?.url
  return (
    <Stack gap="md">
      <Text fw={600}>{doc.data.title}</Text>
      {url && latest.mimeType === 'application/pdf' && (
        <iframe title={doc.data.title} src={url} style={{ width: '100%', height: 480, border: 0 }} />
      )}
      {url && latest.mimeType.startsWith('image/') && (
        <img src={url} alt={doc.data.title} style={{ maxWidth: '100%' }} />
      )}
      {url && latest.mimeType !== 'application/pdf' && !latest.mimeType.startsWith('image/') && (
        <Text c="dimmed">{t('documents.noPreview')}</Text>
      )}
      <div>
        <Text fw={600}>{t('documents.versions')}</Text>
        <Stack gap={4} aria-label={t('documents.versions')}>
          {doc.data.versions.map((v) => (
            <Group key={v.id} gap="xs">
              <Text size="sm">{`${t('documents.versionN', { n: v.versionNumber })} · ${v.originalName}`}</Text>
              {v.isLatest && <Badge size="sm">{t('documents.latest')}</Badge>}
            </Group>
          ))}
        </Stack>
      </div>
      {canWrite && (
        <Group align="flex-end">
          <FileInput label={t('documents.newVersionFile')} value={file} onChange={setFile} />
          <Button onClick={uploadVersion} disabled={!file || progress !== null}>
            {t('documents.newVersion')}
          </Button>
        </Group>
      )}
      {progress !== null && (
        <Progress value={progress} aria-label={t('documents.uploading', { percent: progress })} />
      )}
      {error !== null && <Alert color="red">{errorMessage(t, error)}</Alert>}
    </Stack>
  )
}
