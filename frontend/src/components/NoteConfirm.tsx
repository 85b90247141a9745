import { useState, type ReactElement } from 'react';
import { Input, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  description?: string;
  // Label of the note box; the note is required unless optional is set.
  placeholder: string;
  optional?: boolean;
  okText: string;
  danger?: boolean;
  // Resolves true when done (the box closes), false to keep it open after a failure.
  onConfirm: (note: string) => Promise<boolean>;
  testId: string;
  children: ReactElement;
}

// A confirmation with a note, for steps that need a reason and cannot be
// taken back casually: leaving the ledger, returning a visit, withdrawing a need.
export default function NoteConfirm({ title, description, placeholder, optional, okText, danger, onConfirm, testId, children }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const trimmed = note.trim();
  return (
    <Popconfirm
      open={open}
      onOpenChange={(o) => {
        if (busy) return;
        setOpen(o);
        if (!o) setNote('');
      }}
      title={title}
      description={
        <Space direction="vertical" style={{ width: 280, maxWidth: '70vw' }} data-testid={`${testId}-box`}>
          {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
          <Input.TextArea
            rows={3}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={placeholder}
            aria-label={placeholder}
            data-testid={`${testId}-note`}
          />
        </Space>
      }
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !optional && !trimmed, loading: busy, danger, 'data-testid': `${testId}-ok` }}
      onConfirm={async () => {
        setBusy(true);
        try {
          if (await onConfirm(trimmed)) {
            setOpen(false);
            setNote('');
          }
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Popconfirm>
  );
}
