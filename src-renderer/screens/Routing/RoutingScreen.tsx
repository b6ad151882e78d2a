import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { MerchantView, RoutingSetup } from '../../../src-shared';
import type { MessageKey } from '../../../src-shared/messages';
import { useSpeaker, type Speaker } from '../../i18n/messages';
import {
  moved,
  newRuleDraft,
  problemsOf,
  rulesDraftOf,
  rulesInputOf,
  type RuleDraft,
  type RulesDraft,
} from '../../state/routing';
import { useStation } from '../../state/station';
import { RoutingTester } from './RoutingTester';
import './routing.css';

let drafted = 0;
const newId = () => `rule-${Date.now().toString(36)}-${(drafted += 1)}`;

/** What a rule matches and ships with, in a line. */
function summary(t: Speaker['t'], rule: RuleDraft, merchants: readonly MerchantView[]): string {
  const parts: string[] = [];
  if (rule.countries.trim())
    parts.push(t('ui.routing.summary.countries', { countries: rule.countries }));
  if (rule.outsideEu) parts.push(t('ui.routing.summary.outsideEu'));
  if (rule.weightOverKg.trim()) parts.push(t('ui.routing.summary.over', { kg: rule.weightOverKg }));
  if (rule.weightUpToKg.trim()) parts.push(t('ui.routing.summary.upTo', { kg: rule.weightUpToKg }));
  if (rule.longestSideOverCm.trim())
    parts.push(t('ui.routing.summary.longer', { cm: rule.longestSideOverCm }));
  if (rule.servicePoint === 'yes') parts.push(t('ui.routing.summary.servicePoint'));
  if (rule.servicePoint === 'no') parts.push(t('ui.routing.summary.home'));
  const merchant = merchants.find((m) => m.id === rule.merchantId);
  if (merchant) parts.push(t('ui.routing.summary.merchant', { merchant: merchant.name }));
  if (rule.tags.trim()) parts.push(t('ui.routing.summary.tags', { tags: rule.tags }));
  const matches = parts.length > 0 ? parts.join(', ') : t('ui.routing.summary.every');
  return `${matches} → ${t('ui.routing.summary.ships', { option: rule.optionCode || '…' })}`;
}

/**
 * Settings → Rules (F9): the station's routing rules, first match wins, edited with the keyboard
 * and checked by the shared schema as they are typed; the tester below says what an order would
 * ship with by the saved rules.
 */
export function RoutingScreen() {
  const setup = useStation((s) => s.routing);
  const error = useStation((s) => s.routingError);
  const load = useStation((s) => s.loadRouting);
  const merchants = useStation((s) => s.merchants);
  const loadMerchants = useStation((s) => s.loadMerchants);
  const { t, say } = useSpeaker();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
    void load();
    if (merchants === null) void loadMerchants();
    // Once on opening: the list is the screen's own draft from then on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <main
      className="settings-screen routing-screen"
      data-testid="screen-rules"
      aria-labelledby="routing-title"
    >
      <h1 id="routing-title" ref={headingRef} tabIndex={-1}>
        {t('ui.routing.title')}
      </h1>
      <p className="muted">{t('ui.routing.intro')}</p>
      {error && (
        <p className="inline-error" role="alert">
          {t('ui.routing.readFailed', { reason: say(error) })}
        </p>
      )}
      {!setup && !error && <p className="muted">{t('ui.routing.reading')}</p>}
      {setup && <RulesEditor setup={setup} merchants={merchants ?? []} />}
      <RoutingTester />
    </main>
  );
}

function RulesEditor({
  setup,
  merchants,
}: {
  setup: RoutingSetup;
  merchants: readonly MerchantView[];
}) {
  const save = useStation((s) => s.saveRoutingRules);
  const saving = useStation((s) => s.routingSave);
  const { t, say } = useSpeaker();
  const [draft, setDraft] = useState<RulesDraft>(() => rulesDraftOf(setup.rules));
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const problems = useMemo(() => problemsOf(draft), [draft]);
  const optionsId = useId();

  // Rules another station saved come as a new setup: this screen takes them unless it holds edits
  // of its own not saved yet (saving those then makes them the newest, and they win).
  const [shown, setShown] = useState(setup.rules);
  if (shown !== setup.rules) {
    setShown(setup.rules);
    if (!dirty) setDraft(rulesDraftOf(setup.rules));
  }

  const change = (next: RulesDraft) => {
    setDraft(next);
    setDirty(true);
  };
  const setRule = (index: number, rule: RuleDraft) =>
    change({ ...draft, rules: draft.rules.map((r, i) => (i === index ? rule : r)) });
  const add = () => {
    const rule = newRuleDraft(newId());
    const at = draft.rules.length;
    change({ ...draft, rules: [...draft.rules, rule] });
    setSelected(at);
    setEditing(rule.id);
  };
  const remove = (index: number) => {
    change({ ...draft, rules: draft.rules.filter((_, i) => i !== index) });
    setSelected(Math.max(0, Math.min(index, draft.rules.length - 2)));
    setEditing(null);
  };
  const move = (index: number, by: -1 | 1) => {
    const rules = moved(draft.rules, index, by);
    change({ ...draft, rules });
    setSelected(Math.max(0, Math.min(rules.length - 1, index + by)));
  };
  const submit = async () => {
    setTried(true);
    if (problems.size > 0) return;
    if (await save(rulesInputOf(draft))) setDirty(false);
  };
  const backToList = () => {
    setEditing(null);
    requestAnimationFrame(() => listRef.current?.focus());
  };

  // Ctrl+S saves from anywhere on the screen, a field included.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void submit();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const onListKey = (event: KeyboardEvent<HTMLOListElement>) => {
    const count = draft.rules.length;
    if (event.key === 'Insert' || event.key === '+') {
      event.preventDefault();
      add();
      return;
    }
    if (count === 0) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const by = event.key === 'ArrowUp' ? -1 : 1;
      if (event.altKey) move(selected, by);
      else setSelected(Math.max(0, Math.min(count - 1, selected + by)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      setEditing(draft.rules[selected]?.id ?? null);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      remove(selected);
    }
  };

  const editingIndex = draft.rules.findIndex((rule) => rule.id === editing);
  const editingRule = editingIndex >= 0 ? draft.rules[editingIndex] : undefined;
  const defaultProblem = problems.get('defaultOptionCode');

  return (
    <section className="printers-section routing-rules" data-testid="routing-rules">
      <p className="muted" data-testid="routing-keys">
        {t('ui.routing.keys')}
      </p>
      <datalist id={optionsId}>
        {setup.options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </datalist>
      {draft.rules.length === 0 && <p className="muted">{t('ui.routing.empty')}</p>}
      <ol
        ref={listRef}
        className="printer-list routing-list"
        role="listbox"
        tabIndex={0}
        aria-label={t('ui.routing.title')}
        aria-activedescendant={
          draft.rules[selected] ? `rule-row-${draft.rules[selected]?.id}` : undefined
        }
        onKeyDown={onListKey}
        data-testid="routing-list"
      >
        {draft.rules.map((rule, index) => {
          const flawed = [...problems.keys()].some((field) => field.startsWith(`rules.${index}.`));
          return (
            <li
              key={rule.id}
              id={`rule-row-${rule.id}`}
              role="option"
              aria-selected={index === selected}
              className={index === selected ? 'account-row selected' : 'account-row'}
              data-testid="routing-rule-row"
              data-flawed={flawed}
              onClick={() => setSelected(index)}
            >
              <strong>{t('ui.routing.rule', { number: index + 1 })}</strong>{' '}
              <span data-testid="routing-rule-name">{rule.name}</span>{' '}
              <span className="muted" data-testid="routing-rule-summary">
                {summary(t, rule, merchants)}
              </span>{' '}
              <span className="printer-row-actions">
                <button
                  type="button"
                  className="button button-small"
                  tabIndex={-1}
                  onClick={() => setEditing(rule.id)}
                >
                  {t('ui.routing.edit')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  tabIndex={-1}
                  onClick={() => move(index, -1)}
                >
                  {t('ui.routing.moveUp')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  tabIndex={-1}
                  onClick={() => move(index, 1)}
                >
                  {t('ui.routing.moveDown')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  tabIndex={-1}
                  onClick={() => remove(index)}
                >
                  {t('ui.routing.remove')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p>
        <button type="button" className="button" onClick={add} data-testid="routing-add">
          {t('ui.routing.add')}
        </button>
      </p>
      {editingRule && (
        <RuleForm
          key={editingRule.id}
          rule={editingRule}
          index={editingIndex}
          problems={problems}
          merchants={merchants}
          optionsId={optionsId}
          onChange={(rule) => setRule(editingIndex, rule)}
          onDone={backToList}
        />
      )}
      <label className="routing-field">
        {t('ui.routing.default')}{' '}
        <input
          list={optionsId}
          value={draft.defaultOptionCode}
          placeholder={t('ui.routing.defaultNone')}
          onChange={(e) => change({ ...draft, defaultOptionCode: e.target.value })}
          aria-invalid={defaultProblem !== undefined}
          data-testid="routing-default"
        />
        {defaultProblem && <FieldProblem problem={defaultProblem} field="defaultOptionCode" />}
      </label>
      <p className="routing-save">
        <button
          type="button"
          className="button"
          onClick={() => void submit()}
          data-testid="routing-save"
        >
          {saving?.kind === 'pending' ? t('ui.routing.saving') : t('ui.routing.save')}
        </button>{' '}
        <span role="status" data-testid="routing-save-state">
          {tried && problems.size > 0
            ? t('ui.routing.fixFirst')
            : saving?.kind === 'failed'
              ? t('ui.routing.saveFailed', { reason: say(saving.error) })
              : dirty
                ? t('ui.routing.unsaved')
                : saving?.kind === 'saved'
                  ? t('ui.routing.saved')
                  : ''}
        </span>
      </p>
    </section>
  );
}

function FieldProblem({ problem, field }: { problem: MessageKey; field: string }) {
  const { say } = useSpeaker();
  return (
    <span className="inline-error" data-testid={`routing-problem-${field}`} data-key={problem}>
      {say({ key: problem, params: {} })}
    </span>
  );
}

/** One rule's fields; Escape or Done goes back to the list. */
function RuleForm({
  rule,
  index,
  problems,
  merchants,
  optionsId,
  onChange,
  onDone,
}: {
  rule: RuleDraft;
  index: number;
  problems: ReadonlyMap<string, MessageKey>;
  merchants: readonly MerchantView[];
  optionsId: string;
  onChange: (rule: RuleDraft) => void;
  onDone: () => void;
}) {
  const { t } = useSpeaker();
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const problem = (field: keyof RuleDraft) => problems.get(`rules.${index}.${field}`);
  const text = (
    field: keyof RuleDraft,
    label: MessageKey,
    extra: { hint?: MessageKey; list?: string } = {},
  ) => {
    const key = problem(field);
    return (
      <label className="routing-field">
        {t(label as 'ui.routing.field.name')}{' '}
        <input
          ref={field === 'name' ? firstRef : undefined}
          value={String(rule[field])}
          list={extra.list}
          onChange={(e) => onChange({ ...rule, [field]: e.target.value })}
          aria-invalid={key !== undefined}
          data-testid={`routing-field-${field}`}
        />
        {extra.hint && <span className="muted"> {t(extra.hint as 'ui.routing.field.name')}</span>}
        {key && <FieldProblem problem={key} field={field} />}
      </label>
    );
  };
  return (
    <fieldset
      className="routing-form"
      data-testid="routing-form"
      onKeyDown={(event) => {
        if (
          event.key === 'Escape' ||
          (event.key === 'Enter' && !(event.target instanceof HTMLSelectElement))
        ) {
          event.preventDefault();
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <legend>{t('ui.routing.rule', { number: index + 1 })}</legend>
      {text('name', 'ui.routing.field.name')}
      {text('countries', 'ui.routing.field.countries', { hint: 'ui.routing.field.countriesHint' })}
      <label className="routing-field">
        <input
          type="checkbox"
          checked={rule.outsideEu}
          onChange={(e) => onChange({ ...rule, outsideEu: e.target.checked })}
          data-testid="routing-field-outsideEu"
        />{' '}
        {t('ui.routing.field.outsideEu')}
      </label>
      {text('weightOverKg', 'ui.routing.field.weightOver')}
      {text('weightUpToKg', 'ui.routing.field.weightUpTo')}
      {text('longestSideOverCm', 'ui.routing.field.longestSide')}
      <label className="routing-field">
        {t('ui.routing.field.servicePoint')}{' '}
        <select
          value={rule.servicePoint}
          onChange={(e) =>
            onChange({ ...rule, servicePoint: e.target.value as RuleDraft['servicePoint'] })
          }
          data-testid="routing-field-servicePoint"
        >
          <option value="any">{t('ui.routing.field.servicePointAny')}</option>
          <option value="yes">{t('ui.routing.field.servicePointYes')}</option>
          <option value="no">{t('ui.routing.field.servicePointNo')}</option>
        </select>
      </label>
      <label className="routing-field">
        {t('ui.routing.field.merchant')}{' '}
        <select
          value={rule.merchantId}
          onChange={(e) => onChange({ ...rule, merchantId: e.target.value })}
          data-testid="routing-field-merchantId"
        >
          <option value="">{t('ui.routing.field.merchantAny')}</option>
          {merchants.map((merchant) => (
            <option key={merchant.id} value={merchant.id}>
              {merchant.name}
            </option>
          ))}
        </select>
      </label>
      {text('tags', 'ui.routing.field.tags', { hint: 'ui.routing.field.tagsHint' })}
      {text('optionCode', 'ui.routing.field.option', { list: optionsId })}
      <button
        type="button"
        className="button button-small"
        onClick={onDone}
        data-testid="routing-done"
      >
        {t('ui.routing.done')}
      </button>
    </fieldset>
  );
}
