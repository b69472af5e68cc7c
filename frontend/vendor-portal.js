// The vendor portal page: the private link's token travels in the URL fragment (never sent to a server or passed
// on as a referrer). Answers are saved as they change, each question's saves strictly one after another: a change made
// while a save is under way waits and then sends the question's whole answer as it is by then, with the version the
// previous save returned. So quick clicks never conflict with each other; a real conflict (someone else saved the same
// answer meanwhile) shows both answers and lets the vendor choose. Nothing typed is dropped: a refused or failed save
// keeps the input and says why beside the question.
(function () {
  'use strict';
  const token = decodeURIComponent(location.hash.slice(1));
  const api = '/portal/v1/' + encodeURIComponent(token);
  const form = document.getElementById('form');
  const status = document.getElementById('status');
  const submit = document.getElementById('submit');
  const problems = document.getElementById('problems');
  let view = null;
  let files = [];
  let clarification = {comments: {}};
  let clarificationLoaded = false;
  const questions = {};   // id -> question
  const queues = {};      // id -> {busy, next: {value} | undefined, idle: Promise}
  const typing = {};      // id -> timer of a text answer being typed

  function say(text, error) {
    status.textContent = text;
    status.className = error ? 'portal-status error' : 'portal-status';
  }

  function el(tag, attributes, ...children) {
    const e = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === 'class') e.className = v;
      else if (k in e && typeof v !== 'string') e[k] = v;
      else e.setAttribute(k, v === true ? '' : v);
    });
    e.append(...children.filter(c => c !== null && c !== undefined));
    return e;
  }

  async function problemOf(response) {
    try {
      const body = await response.json();
      return {detail: body.detail || response.statusText, body: body};
    } catch (e) {
      return {detail: response.statusText || 'The server did not answer as expected.', body: {}};
    }
  }

  function two(n) {
    return String(n).padStart(2, '0');
  }

  // one date format everywhere: ISO 8601 (YYYY-MM-DD), times in the browser's time zone
  function day(d) {
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  // today's times alone, beside a question; with the day where it is said once (or not today)
  function when(instant, withDay) {
    const d = new Date(instant);
    const time = two(d.getHours()) + ':' + two(d.getMinutes()) + zone(d);
    return day(d) === day(new Date()) && !withDay ? time : day(d) + ' ' + time;
  }

  // the vendor's own time zone, named ("UTC", "CET", "GMT+2"), so a time is never ambiguous
  function zone(d) {
    try {
      const part = new Intl.DateTimeFormat(undefined, {timeZoneName: 'short'}).formatToParts(d)
          .find(p => p.type === 'timeZoneName');
      return part ? ' ' + part.value : '';
    } catch (e) {
      return '';
    }
  }

  function sleep(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
  }

  async function get(url, fallback) {
    const response = await fetch(url, {headers: {Accept: 'application/json'}});
    return response.ok ? response.json() : fallback;
  }

  async function load() {
    let response;
    try {
      response = await fetch(api, {headers: {Accept: 'application/json'}});
    } catch (e) {
      gone('The questionnaire could not be loaded', 'Check your connection and reload the page.');
      return;
    }
    if (!response.ok) {
      gone('This link cannot be opened', (await problemOf(response)).detail);
      return;
    }
    view = await response.json();
    // each call counts against the link's rate limit: files only when the questionnaire asks for one, the
    // clarification once per page (it changes only when the organisation returns the questionnaire)
    const asksFiles = view.sections.some(s => s.questions.some(q => q.type === 'FILE'));
    files = asksFiles ? await get(api + '/files', []) : [];
    if (!clarificationLoaded && view.open) {
      clarification = await get(api + '/clarification', {comments: {}});
      clarificationLoaded = true;
    }
    render();
  }

  function gone(title, detail) {
    document.getElementById('title').textContent = title;
    document.getElementById('intro').replaceChildren();
    form.replaceChildren(el('p', {class: 'portal-gone'}, detail));
    submit.hidden = true;
    say(detail, true);
  }

  // ---- rendering ------------------------------------------------------------------------------------------------

  function render() {
    document.getElementById('organisation').textContent = view.organisation;
    document.title = view.title + ' · ' + view.organisation;
    document.getElementById('title').textContent = view.title;
    document.getElementById('intro').textContent = view.open
        ? view.organisation + ' asks ' + view.vendor + ' to answer this questionnaire by ' + view.dueOn + '. Each answer'
          + ' is saved as you give it; you can leave and come back through the same link.'
        : 'Sent by ' + view.organisation + ' to ' + view.vendor + ', due ' + view.dueOn + '.';
    const description = document.getElementById('description');
    description.hidden = !view.description;
    description.textContent = view.description || '';
    const asked = document.getElementById('clarification');
    asked.hidden = !(view.open && clarification.returnedAt);
    asked.textContent = clarification.returnedAt ? view.organisation + ' returned the questionnaire for clarification'
        + (clarification.note ? ': ' + clarification.note : '.') + ' See the reviewer\'s comments below.' : '';
    form.replaceChildren();
    view.sections.forEach(s => {
      const section = el('section', {class: 'portal-section', 'aria-labelledby': 'section-' + s.id},
          el('h2', {id: 'section-' + s.id}, s.title));
      s.questions.forEach(q => {
        questions[q.id] = q;
        section.append(question(q));
      });
      form.append(section);
    });
    submit.hidden = !view.open;
    problems.hidden = true;
    const done = document.getElementById('done');
    done.hidden = view.open || !view.submittedAt;
    if (!done.hidden) {
      document.getElementById('done-text').textContent = 'Thank you. ' + view.vendor + '\'s answers reached '
          + view.organisation + ' on ' + when(view.submittedAt, true) + '. ' + view.organisation + ' reviews them and may'
          + ' send the questionnaire back through this link with questions. Nothing more is needed from you now;'
          + ' your answers are below for reference.';
    }
    refresh();
  }

  function question(q) {
    const required = q.required ? el('span', {class: 'q-req'}, '(required)') : null;
    const choices = q.options.length > 0;
    const text = choices
        ? el('span', {class: 'q-text', id: 'text-' + q.id}, q.text, required)
        : el('label', {class: 'q-text', id: 'text-' + q.id, for: 'answer-' + q.id}, q.text, required);
    const div = el('div', {class: 'q', id: 'question-' + q.id},
        el('div', {class: 'q-head'}, text, el('span', {class: 'q-save', id: 'save-' + q.id, 'aria-live': 'polite'})));
    if (q.help) div.append(el('p', {class: 'help', id: 'help-' + q.id}, q.help));
    div.append(q.type === 'FILE' ? fileInput(q) : input(q));
    div.append(el('p', {class: 'q-problem', id: 'problem-' + q.id, hidden: true}));
    const remark = view.open && clarification.comments[q.id];
    if (remark) div.append(el('p', {class: 'portal-clarify', id: 'comment-' + q.id}, 'Reviewer: ' + remark));
    return div;
  }

  function answerOf(id) {
    const a = view.answers[id];
    return a ? a.value : null;
  }

  function input(q) {
    const value = answerOf(q.id);
    const disabled = !view.open;
    const described = [q.help ? 'help-' + q.id : null, 'save-' + q.id].filter(Boolean).join(' ');
    if (q.options.length) {
      const multiple = q.type === 'MULTIPLE_CHOICE';
      const group = el('div', {class: 'choices', role: multiple ? 'group' : 'radiogroup',
        'aria-labelledby': 'text-' + q.id, 'aria-describedby': described});
      q.options.forEach((o, i) => {
        const box = el('input', {type: multiple ? 'checkbox' : 'radio', name: q.id, value: o.value,
          id: 'answer-' + q.id + '-' + i, disabled: disabled});
        box.checked = Array.isArray(value) ? value.includes(o.value) : value === o.value;
        box.addEventListener('change', () => {
          if (multiple && box.checked) exclude(q, o);
          schedule(q.id, current(q));
        });
        group.append(el('label', {class: 'choice', for: box.id}, box,
            el('span', {}, o.label), o.exclusive && multiple ? el('span', {class: 'choice-note'}, '(only on its own)') : null));
      });
      return group;
    }
    const field = el(q.type === 'TEXT' ? 'textarea' : 'input', {id: 'answer-' + q.id, disabled: disabled,
      'aria-describedby': described, 'aria-required': q.required ? 'true' : null});
    if (q.type === 'NUMBER') field.type = 'number';
    else if (q.type === 'DATE') field.type = 'date';
    else if (q.type !== 'TEXT') field.type = 'text';
    field.value = value == null ? '' : value;
    // typed text is saved shortly after the vendor pauses, and at once when the field is left
    field.addEventListener('input', () => {
      clearTimeout(typing[q.id]);
      mark(q.id, 'pending', 'Not saved yet');
      typing[q.id] = setTimeout(() => {
        typing[q.id] = null;
        schedule(q.id, current(q));
      }, 1500);
    });
    field.addEventListener('change', () => {
      clearTimeout(typing[q.id]);
      typing[q.id] = null;
      schedule(q.id, current(q));
    });
    return field;
  }

  // an exclusive option ("None of these") and the others rule each other out
  function exclude(q, chosen) {
    form.querySelectorAll('input[name="' + q.id + '"]:checked').forEach(box => {
      const option = q.options.find(o => o.value === box.value);
      if (option !== chosen && (chosen.exclusive || option.exclusive)) box.checked = false;
    });
  }

  // the question's answer as the page shows it now
  function current(q) {
    if (q.options.length) {
      const chosen = [...form.querySelectorAll('input[name="' + q.id + '"]:checked')].map(b => b.value);
      return q.type === 'MULTIPLE_CHOICE' ? chosen : (chosen[0] || null);
    }
    const raw = document.getElementById('answer-' + q.id).value.trim();
    if (raw === '') return null;
    return q.type === 'NUMBER' ? Number(raw) : raw;
  }

  function show(q, value) {
    if (q.options.length) {
      form.querySelectorAll('input[name="' + q.id + '"]').forEach(box => {
        box.checked = Array.isArray(value) ? value.includes(box.value) : value === box.value;
      });
    } else if (q.type !== 'FILE') {
      document.getElementById('answer-' + q.id).value = value == null ? '' : value;
    }
  }

  function words(q, value) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0) || value === '') {
      return 'no answer';
    }
    const label = v => (q.options.find(o => o.value === v) || {label: v}).label;
    return Array.isArray(value) ? value.map(label).join(', ') : (q.options.length ? label(value) : String(value));
  }

  // shown questions, progress and the required ones still open, from the latest state the server returned
  function refresh() {
    const shown = new Set(view.shown);
    Object.keys(questions).forEach(id => {
      document.getElementById('question-' + id).hidden = !shown.has(id);
    });
    const required = Object.values(questions).filter(q => q.required && shown.has(q.id)).length;
    const open = view.missing.length;
    const box = document.getElementById('progress-box');
    box.hidden = !view.open;
    const progress = document.getElementById('progress');
    progress.max = Math.max(required, 1);
    progress.value = required - open;
    document.getElementById('progress-text').textContent = (required - open) + ' of ' + required
        + ' required questions answered' + (open === 0 && required > 0 ? ' — ready to submit' : '');
    form.querySelectorAll('.q-missing').forEach(q => {
      if (!view.missing.includes(q.id.slice('question-'.length))) unmark(q.id.slice('question-'.length));
    });
  }

  // ---- saving ---------------------------------------------------------------------------------------------------

  function mark(id, state, text, action) {
    const place = document.getElementById('save-' + id);
    if (!place) return;
    place.className = 'q-save' + (state === 'saved' ? ' saved' : state === 'failed' ? ' failed' : '');
    place.replaceChildren(state === 'saved' ? '✓ ' + text : text);
    if (action) place.append(' ', action);
  }

  function schedule(id, value) {
    const queue = queues[id] || (queues[id] = {busy: false, next: undefined, idle: Promise.resolve()});
    queue.next = {value: value};
    closeConflict(id);
    if (!queue.busy) {
      queue.busy = true;
      mark(id, 'saving', 'Saving…');
      queue.idle = drain(id, queue).finally(() => {
        queue.busy = false;
      });
    }
    return queue.idle;
  }

  async function drain(id, queue) {
    while (queue.next !== undefined) {
      const value = queue.next.value;
      queue.next = undefined;
      mark(id, 'saving', 'Saving…');
      const outcome = await put(id, value);
      if (outcome === 'retry' && queue.next === undefined) {
        queue.next = {value: value};
      } else if (outcome === 'stop') {
        queue.next = undefined;
        return;
      }
    }
  }

  async function put(id, value) {
    const previous = view.answers[id];
    let response;
    try {
      response = await fetch(api + '/answers/' + encodeURIComponent(id), {
        method: 'PUT',
        headers: {'Content-Type': 'application/json', Accept: 'application/json'},
        body: JSON.stringify({value: value, version: previous ? previous.version : null})
      });
    } catch (e) {
      failed(id, 'Not saved: the connection failed. Your answer is kept on this page.');
      return 'stop';
    }
    if (response.status === 429) {
      const seconds = Math.min(Math.max(parseInt(response.headers.get('Retry-After'), 10) || 2, 1), 60);
      mark(id, 'saving', 'Many changes at once: saving in ' + seconds + ' s…');
      await sleep(seconds * 1000);
      return 'retry';
    }
    if (response.status === 409) {
      const problem = await problemOf(response);
      conflict(id, value, problem.body.current || null);
      return 'stop';
    }
    if (!response.ok) {
      const problem = await problemOf(response);
      failed(id, 'Not saved: ' + problem.detail);
      return 'stop';
    }
    const saved = await response.json();
    view.answers[id] = {value: saved.value, version: saved.version, updatedAt: saved.updatedAt};
    view.shown = saved.shown;
    view.missing = saved.missing;
    document.getElementById('problem-' + id).hidden = true;
    mark(id, 'saved', 'Saved at ' + when(saved.updatedAt));
    refresh();
    return 'saved';
  }

  function failed(id, message) {
    mark(id, 'failed', message, el('button', {type: 'button', class: 'portal-link', onclick: () => {
      schedule(id, current(questions[id]));
    }}, 'Try again'));
  }

  // someone else saved this answer meanwhile: theirs and yours side by side, the vendor chooses
  function conflict(id, mine, theirs) {
    const q = questions[id];
    mark(id, 'failed', 'Not saved: changed elsewhere');
    closeConflict(id);
    const box = el('div', {class: 'aegis-conflict', id: 'conflict-' + id, role: 'group',
      'aria-labelledby': 'conflict-title-' + id},
    el('p', {id: 'conflict-title-' + id}, 'Someone else saved a different answer to this question'
        + (theirs ? ' at ' + when(theirs.updatedAt) : '') + ' while you were answering. Which one should be kept?'),
    el('div', {class: 'conflict-answers'},
        el('div', {}, el('strong', {}, 'Their answer'), el('span', {id: 'theirs-' + id}, words(q, theirs ? theirs.value : null))),
        el('div', {}, el('strong', {}, 'Your answer'), el('span', {id: 'yours-' + id}, words(q, mine)))),
    el('div', {class: 'portal-buttons'},
        el('button', {type: 'button', class: 'portal-primary', id: 'keep-mine-' + id, onclick: () => {
          view.answers[id] = theirs;
          show(q, mine);
          schedule(id, mine);
        }}, 'Keep my answer'),
        el('button', {type: 'button', class: 'portal-secondary', id: 'use-theirs-' + id, onclick: () => {
          view.answers[id] = theirs;
          show(q, theirs ? theirs.value : null);
          closeConflict(id);
          mark(id, 'saved', 'Their answer kept');
          refreshFromServer();
        }}, 'Use their answer')));
    document.getElementById('question-' + id).append(box);
    box.scrollIntoView({block: 'nearest'});
  }

  function closeConflict(id) {
    const open = document.getElementById('conflict-' + id);
    if (open) open.remove();
  }

  async function refreshFromServer() {
    const fresh = await get(api, null);
    if (fresh) {
      view.shown = fresh.shown;
      view.missing = fresh.missing;
      refresh();
    }
  }

  // every save under way or waiting has finished
  async function settled() {
    Object.keys(typing).forEach(id => {
      if (typing[id]) {
        clearTimeout(typing[id]);
        typing[id] = null;
        schedule(id, current(questions[id]));
      }
    });
    await Promise.all(Object.values(queues).map(q => q.idle));
  }

  window.addEventListener('beforeunload', event => {
    if (Object.values(queues).some(q => q.busy) || Object.values(typing).some(Boolean)) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // ---- files ----------------------------------------------------------------------------------------------------

  function size(bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }

  // a FILE question: the files uploaded so far (name, size, SHA-256, a download) and, while open, a file input
  function fileInput(q) {
    const wrap = el('div', {});
    const list = el('ul', {class: 'files', id: 'files-' + q.id});
    fillFiles(q, list);
    wrap.append(list);
    if (view.open) {
      const field = el('input', {type: 'file', id: 'answer-' + q.id,
        'aria-describedby': [q.help ? 'help-' + q.id : null, 'save-' + q.id].filter(Boolean).join(' ')});
      field.addEventListener('change', () => {
        if (field.files.length) upload(q, field.files[0]);
      });
      wrap.append(field);
    }
    return wrap;
  }

  function fillFiles(q, list) {
    list.replaceChildren(...files.filter(f => f.question === q.id).map(f => el('li', {},
        el('a', {href: api + '/files/' + encodeURIComponent(q.id) + '/' + f.id, download: f.name}, f.name),
        ' (' + size(f.size) + ') SHA-256 ', el('code', {class: 'sha256'}, f.sha256))));
  }

  async function upload(q, file) {
    mark(q.id, 'saving', 'Uploading ' + file.name + '…');
    const body = new FormData();
    body.append('file', file);
    let response;
    try {
      response = await fetch(api + '/files/' + encodeURIComponent(q.id), {
        method: 'POST', headers: {Accept: 'application/json'}, body: body
      });
    } catch (e) {
      failed(q.id, 'Not uploaded: the connection failed. Choose the file again.');
      return;
    }
    if (!response.ok) {
      mark(q.id, 'failed', 'Not uploaded: ' + (await problemOf(response)).detail);
      return;
    }
    const stored = await response.json();
    files = await get(api + '/files', files);
    fillFiles(q, document.getElementById('files-' + q.id));
    mark(q.id, 'saved', 'Uploaded ' + stored.name + ' (' + size(stored.size) + ')');
    await refreshFromServer();
  }

  // ---- submitting -----------------------------------------------------------------------------------------------

  function unmark(id) {
    document.getElementById('question-' + id).classList.remove('q-missing');
    document.getElementById('problem-' + id).hidden = true;
  }

  function jump(id) {
    const target = document.getElementById('question-' + id);
    target.scrollIntoView({behavior: 'smooth', block: 'start'});
    const field = target.querySelector('input:not([disabled]), textarea:not([disabled])');
    if (field) field.focus({preventScroll: true});
  }

  // each question named by its text, a link to it (the fragment holds the token: the link must not change it)
  function showProblems(detail, ids) {
    problems.replaceChildren(el('p', {}, detail));
    if (ids.length) {
      problems.append(el('ul', {}, ...ids.map(id => el('li', {}, el('a', {href: '#question-' + id, onclick: event => {
        event.preventDefault();
        jump(id);
      }}, questions[id].text)))));
    }
    problems.hidden = false;
    ids.forEach(id => {
      if (!questions[id]) return;
      document.getElementById('question-' + id).classList.add('q-missing');
      const problem = document.getElementById('problem-' + id);
      problem.textContent = 'Answer this question before submitting.';
      problem.hidden = false;
    });
    if (ids.length && questions[ids[0]]) jump(ids[0]);
    else problems.scrollIntoView({block: 'center'});
  }

  submit.addEventListener('click', async () => {
    submit.disabled = true;
    say('Saving the last answers…');
    try {
      await settled();
      const failing = Object.keys(queues).filter(id => document.getElementById('save-' + id).classList.contains('failed'));
      if (failing.length) {
        say('');
        showProblems('Some answers are not saved yet. Save or correct them first:', failing);
        return;
      }
      say('Submitting…');
      let response;
      try {
        response = await fetch(api + '/submit', {method: 'POST', headers: {Accept: 'application/json'}});
      } catch (e) {
        say('Not submitted: the connection failed. Your answers are saved; try again.', true);
        return;
      }
      if (!response.ok) {
        const problem = await problemOf(response);
        const ids = (problem.body.errors || []).map(e => String(e.field || '').replace(/^answers\./, ''))
            .filter(id => questions[id]);
        say('');
        showProblems(ids.length ? 'Answer these required questions before submitting:' : problem.detail, ids);
        return;
      }
      view = await response.json();
      clarification = {comments: {}};
      render();
      window.scrollTo({top: 0});
      document.getElementById('done').focus();
      say('Submitted. Thank you.');
    } finally {
      submit.disabled = false;
    }
  });

  load();
})();
