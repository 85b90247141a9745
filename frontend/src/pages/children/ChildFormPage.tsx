import { useEffect, useMemo, useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Col, Divider, Flex, Form, Input, Radio, Row, Select, Space, Spin, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormInstance, Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, type CombinedError } from 'urql';
import type { ChildFileFragment, ChildInput, EligibilityInput, Gender, MovedWith } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import DateInput from '../../components/DateInput';
import LanguagesSelect from '../../components/LanguagesSelect';
import { AreaPathPicker } from '../../components/pickers/AreaPicker';
import { NotFound, PageLoading } from '../../components/StatusPages';
import { CheckEligibilityQuery, ChildFileQuery, RegisterChildMutation, UpdateChildMutation } from '../../graphql/children';
import { errorCode, errorField, errorMessage } from '../../graphql/errors';
import { allGenders, allMovedWith, areaName, dateFormat, genderLabel, movedWithLabel } from '../../labels';
import { checkIdNumber } from './idNumber';
import { EligibilityAlert } from './Eligibility';

const maxGuardians = 4;
// Landline or mobile, as the server accepts them.
const guardianPhone = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

interface GuardianValues {
  name: string;
  relation: string;
  phone?: string;
}

interface Values {
  name: string;
  gender: Gender;
  birthDate: Dayjs;
  noId: boolean;
  idNumber?: string;
  noIdReason?: string;
  hukou: { province: string; city?: string; county: string };
  movedWith: MovedWith;
  arrivedOn: Dayjs;
  communityId: string;
  address?: string;
  school?: string;
  languages?: string[];
  disability?: string;
  guardians: GuardianValues[];
  primaryGuardian: number;
}

export function toChildInput(v: Values): ChildInput {
  return {
    name: v.name.trim(),
    gender: v.gender,
    birthDate: v.birthDate.format(dateFormat),
    idNumber: v.noId ? null : v.idNumber?.trim().toUpperCase() || null,
    noIdReason: v.noId ? v.noIdReason?.trim() || null : null,
    hukou: { province: v.hukou.province.trim(), city: v.hukou.city?.trim() || null, county: v.hukou.county.trim() },
    movedWith: v.movedWith,
    communityId: v.communityId,
    address: v.address?.trim() || null,
    arrivedOn: v.arrivedOn.format(dateFormat),
    school: v.school?.trim() || null,
    languages: v.languages ?? [],
    disability: v.disability?.trim() || null,
    guardians: v.guardians.map((g, i) => ({
      name: g.name.trim(),
      relation: g.relation.trim(),
      phone: g.phone?.trim() || null,
      primary: i === v.primaryGuardian,
    })),
  };
}

function fromChild(c: ChildFileFragment): Partial<Values> {
  const primary = c.guardians.findIndex((g) => g.primary);
  return {
    name: c.name,
    gender: c.gender,
    birthDate: dayjs(c.birthDate),
    noId: !c.idNumber,
    idNumber: c.idNumber ?? undefined,
    noIdReason: c.noIdReason ?? undefined,
    hukou: { province: c.hukou.province, city: c.hukou.city, county: c.hukou.county },
    movedWith: c.movedWith,
    arrivedOn: dayjs(c.arrivedOn),
    communityId: c.community.id,
    address: c.address ?? undefined,
    school: c.school,
    languages: c.languages,
    disability: c.disability,
    guardians: c.guardians.map((g) => ({ name: g.name, relation: g.relation, phone: g.phone ?? undefined })),
    primaryGuardian: primary < 0 ? 0 : primary,
  };
}

// The server names fields of ChildInput; these are where they sit in the form.
type FieldPath = Parameters<FormInstance<Values>['scrollToField']>[0];
const serverFields: Record<string, FieldPath> = {
  name: ['name'],
  gender: ['gender'],
  birthDate: ['birthDate'],
  idNumber: ['idNumber'],
  noIdReason: ['noIdReason'],
  hukouProvince: ['hukou', 'province'],
  hukouCity: ['hukou', 'city'],
  hukouCounty: ['hukou', 'county'],
  movedWith: ['movedWith'],
  arrivedOn: ['arrivedOn'],
  communityId: ['communityId'],
  address: ['address'],
  school: ['school'],
  disability: ['disability'],
};

function idNumberRule(t: TFunction): Rule {
  return ({ getFieldValue }) => ({
    validator: (_, v: string | undefined) => {
      if (getFieldValue('noId')) return Promise.resolve();
      if (!v?.trim()) return Promise.reject(new Error(t('childForm.idNumberRequired')));
      const birth = getFieldValue('birthDate') as Dayjs | null | undefined;
      const problem = checkIdNumber(v, birth ? birth.format(dateFormat) : undefined);
      return problem ? Promise.reject(new Error(t(`childForm.idProblem.${problem}`))) : Promise.resolve();
    },
  });
}

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

function notFutureRule(t: TFunction, message: string): Rule {
  return { validator: (_, v: Dayjs | null | undefined) => (v && notFuture(v) ? Promise.reject(new Error(t(message))) : Promise.resolve()) };
}

// What checkEligibility needs, once every part of it has been entered.
function eligibilityInput(v: Partial<Values>): EligibilityInput | null {
  const { birthDate, hukou, movedWith, communityId, arrivedOn } = v;
  if (!birthDate || !arrivedOn || !movedWith || !communityId || !hukou?.province?.trim() || !hukou.county?.trim()) return null;
  return {
    birthDate: birthDate.format(dateFormat),
    arrivedOn: arrivedOn.format(dateFormat),
    movedWith,
    communityId,
    hukou: { province: hukou.province.trim(), city: hukou.city?.trim() || null, county: hukou.county.trim() },
  };
}

function LiveEligibility({ form }: { form: ReturnType<typeof Form.useForm<Values>>[0] }) {
  const { t } = useTranslation();
  const birthDate = Form.useWatch('birthDate', form);
  const hukou = Form.useWatch('hukou', form);
  const movedWith = Form.useWatch('movedWith', form);
  const communityId = Form.useWatch('communityId', form);
  const arrivedOn = Form.useWatch('arrivedOn', form);
  const input = useMemo(
    () => eligibilityInput({ birthDate, hukou, movedWith, communityId, arrivedOn }),
    [birthDate, hukou, movedWith, communityId, arrivedOn],
  );
  const key = input ? JSON.stringify(input) : '';
  const [debounced, setDebounced] = useState<EligibilityInput | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(key ? (JSON.parse(key) as EligibilityInput) : null), 400);
    return () => clearTimeout(timer);
  }, [key]);
  const [{ data, fetching, error }] = useQuery({
    query: CheckEligibilityQuery,
    variables: { input: debounced as EligibilityInput },
    pause: !debounced,
  });
  if (!input) return <Alert type="info" showIcon message={t('childForm.eligibilityPending')} data-testid="eligibility-pending" />;
  if (error) return <Alert type="error" showIcon message={errorMessage(error, t)} data-testid="eligibility-error" />;
  const stale = !data || fetching || key !== JSON.stringify(debounced);
  if (!data) return <Spin size="small" />;
  return (
    <div style={{ opacity: stale ? 0.6 : 1 }} data-stale={stale ? 'true' : 'false'}>
      <EligibilityAlert eligibility={data.checkEligibility} />
    </div>
  );
}

function Section({ title }: { title: string }) {
  return (
    <Divider orientation="left" orientationMargin={0}>
      {title}
    </Divider>
  );
}

function ChildForm({ child }: { child?: ChildFileFragment }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [registered, register] = useMutation(RegisterChildMutation);
  const [updated, update] = useMutation(UpdateChildMutation);
  const saving = registered.fetching || updated.fetching;
  const noId = Form.useWatch('noId', form);
  const primaryGuardian = Form.useWatch('primaryGuardian', form) as number | undefined;

  // A community director registers children of their own community: start there.
  const ownCommunity = useMemo(() => {
    const communities = (me?.grants ?? []).filter((g) => g.role === 'CHILD_DIRECTOR' && g.area?.level === 'COMMUNITY');
    return communities.length === 1 ? communities[0].area! : undefined;
  }, [me]);
  const known = child
    ? { id: child.community.id, label: [child.district, child.street, child.community].map((a) => areaName(i18n, a)).join(' / ') }
    : ownCommunity
      ? { id: ownCommunity.id, label: areaName(i18n, ownCommunity) }
      : undefined;

  const initialValues: Partial<Values> = child
    ? fromChild(child)
    : {
        noId: false,
        languages: ['普通话'],
        guardians: [{ name: '', relation: '' }],
        primaryGuardian: 0,
        communityId: ownCommunity?.id,
        hukou: { province: '', county: '' },
      };

  const showServerError = (error: CombinedError) => {
    const text = errorMessage(error, t);
    setFailure(text);
    const field = errorField(error);
    const path = field ? serverFields[field] : undefined;
    if (path) form.setFields([{ name: path, errors: [text] }]);
    if (path) form.scrollToField(path);
  };

  const submit = async (v: Values, confirmNotDuplicate = false) => {
    setFailure(null);
    const input = toChildInput(v);
    let savedId: string | undefined;
    let error: CombinedError | undefined;
    if (child) {
      const r = await update({ id: child.id, input });
      savedId = r.data?.updateChild.id;
      error = r.error;
    } else {
      const r = await register({ input, confirmNotDuplicate });
      savedId = r.data?.registerChild.id;
      error = r.error;
    }
    if (error || !savedId) {
      if (!error) return;
      if (!child && errorCode(error) === 'CONFLICT' && errorField(error) === 'name') {
        modal.confirm({
          title: t('childForm.duplicateTitle'),
          content: errorMessage(error, t),
          okText: t('childForm.confirmDifferent'),
          cancelText: t('common.cancel'),
          onOk: () => submit(v, true),
        });
        return;
      }
      showServerError(error);
      return;
    }
    message.success(t(child ? 'common.saved' : 'childForm.registered'));
    navigate(`/children/${savedId}`, { replace: true });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => void submit(v)}
      scrollToFirstError
      autoComplete="off"
      data-testid="child-form"
    >
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" data-testid="child-form-error" /> : null}

      <Section title={t('childForm.basic')} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="name" label={t('child.name')} rules={[{ required: true, whitespace: true, message: t('childForm.nameRequired') }]}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="gender" label={t('child.gender')} rules={[{ required: true, message: t('childForm.genderRequired') }]}>
            <Radio.Group optionType="button" options={allGenders.map((g) => ({ value: g, label: genderLabel(t, g) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="birthDate"
            label={t('child.birthDate')}
            rules={[{ required: true, message: t('childForm.birthDateRequired') }, notFutureRule(t, 'childForm.birthDateFuture')]}
          >
            <DateInput disabledDate={notFuture} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="noId" label={t('childForm.noId')} valuePropName="checked">
        <Switch data-testid="no-id-switch" />
      </Form.Item>
      {noId ? (
        <Form.Item
          name="noIdReason"
          label={t('child.noIdReason')}
          rules={[{ required: true, whitespace: true, message: t('childForm.noIdReasonRequired') }]}
        >
          <Input maxLength={200} placeholder={t('childForm.noIdReasonPlaceholder')} />
        </Form.Item>
      ) : (
        <Form.Item
          name="idNumber"
          label={t('child.idNumber')}
          dependencies={['birthDate', 'noId']}
          rules={[idNumberRule(t)]}
          normalize={(v: string) => v.toUpperCase()}
        >
          <Input maxLength={18} style={{ maxWidth: 320 }} />
        </Form.Item>
      )}

      <Section title={t('childForm.origin')} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['hukou', 'province']} label={t('child.hukouProvince')} rules={[{ required: true, whitespace: true, message: t('childForm.provinceRequired') }]}>
            <Input maxLength={20} placeholder={t('childForm.provincePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['hukou', 'city']} label={t('child.hukouCity')}>
            <Input maxLength={30} placeholder={t('childForm.cityPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['hukou', 'county']} label={t('child.hukouCounty')} rules={[{ required: true, whitespace: true, message: t('childForm.countyRequired') }]}>
            <Input maxLength={30} placeholder={t('childForm.countyPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="movedWith" label={t('child.movedWith')} rules={[{ required: true, message: t('childForm.movedWithRequired') }]}>
            <Select options={allMovedWith.map((m) => ({ value: m, label: movedWithLabel(t, m) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="arrivedOn"
            label={t('child.arrivedOn')}
            dependencies={['birthDate']}
            rules={[
              { required: true, message: t('childForm.arrivedOnRequired') },
              notFutureRule(t, 'childForm.arrivedOnFuture'),
              ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | null | undefined) => {
                  const birth = getFieldValue('birthDate') as Dayjs | null | undefined;
                  return v && birth && v.isBefore(birth, 'day') ? Promise.reject(new Error(t('childForm.arrivedBeforeBirth'))) : Promise.resolve();
                },
              }),
            ]}
          >
            <DateInput disabledDate={notFuture} />
          </Form.Item>
        </Col>
      </Row>

      <Section title={t('childForm.residence')} />
      <Form.Item name="communityId" label={t('child.community')} rules={[{ required: true, message: t('childForm.communityRequired') }]}>
        <AreaPathPicker target="COMMUNITY" known={known} />
      </Form.Item>
      <Form.Item name="address" label={t('child.address')} extra={t('childForm.addressNote')}>
        <Input maxLength={200} />
      </Form.Item>
      <LiveEligibility form={form} />

      <Section title={t('childForm.schoolLanguage')} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="school" label={t('child.school')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="languages" label={t('child.languages')}>
            <LanguagesSelect />
          </Form.Item>
        </Col>
      </Row>

      <Section title={t('child.disability')} />
      <Form.Item name="disability" label={t('child.disability')} extra={t('childForm.disabilityHint')}>
        <Input maxLength={100} />
      </Form.Item>

      <Section title={t('child.guardians')} />
      <Form.Item name="primaryGuardian" hidden>
        <Input />
      </Form.Item>
      <Form.List
        name="guardians"
        rules={[
          {
            validator: (_, gs: GuardianValues[] | undefined) =>
              gs && gs.length >= 1 && gs.length <= maxGuardians ? Promise.resolve() : Promise.reject(new Error(t('childForm.guardiansCount'))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                data-testid="guardian-card"
                title={
                  <Space>
                    {t('childForm.guardianN', { n: index + 1 })}
                    <Radio
                      checked={(primaryGuardian ?? 0) === index}
                      onChange={() => form.setFieldValue('primaryGuardian', index)}
                      data-testid="guardian-primary"
                    >
                      {t('child.primaryGuardian')}
                    </Radio>
                  </Space>
                }
                extra={
                  fields.length > 1 ? (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('childForm.removeGuardian')}
                      onClick={() => {
                        const p = primaryGuardian ?? 0;
                        remove(field.name);
                        form.setFieldValue('primaryGuardian', p === index ? 0 : p > index ? p - 1 : p);
                      }}
                    />
                  ) : null
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('guardian.name')}
                      rules={[{ required: true, whitespace: true, message: t('childForm.guardianNameRequired') }]}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'relation']}
                      label={t('guardian.relation')}
                      rules={[{ required: true, whitespace: true, message: t('childForm.relationRequired') }]}
                    >
                      <AutoComplete
                        options={['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他亲属'].map((r) => ({ value: r, label: r }))}
                        placeholder={t('childForm.relationPlaceholder')}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'phone']}
                      label={t('guardian.phone')}
                      rules={[
                        {
                          validator: (_, v: string | undefined) =>
                            !v?.trim() || guardianPhone.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('childForm.phoneFormat'))),
                        },
                      ]}
                    >
                      <Input inputMode="tel" maxLength={13} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < maxGuardians ? (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', relation: '' })} block style={{ marginBottom: 16 }} data-testid="add-guardian">
                {t('childForm.addGuardian')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>

      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={() => navigate(child ? `/children/${child.id}` : '/children')}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="child-submit">
          {child ? t('common.save') : t('childForm.submitRegister')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('childForm.ineligibleStillAllowed')}
      </Typography.Paragraph>
    </Form>
  );
}

// Registers a child (/children/new) or edits one (/children/:id/edit).
export default function ChildFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ChildFileQuery, variables: { id: id ?? '' }, pause: !id });
  if (!id) {
    return (
      <Card title={t('childForm.registerTitle')}>
        <ChildForm />
      </Card>
    );
  }
  if (fetching && !data) return <PageLoading />;
  if (error) return <Alert type="error" showIcon message={errorMessage(error, t)} role="alert" />;
  if (!data?.child) return <NotFound />;
  return (
    <Card title={t('childForm.editTitle')}>
      <ChildForm child={data.child} />
    </Card>
  );
}
