// The vendor portal page: the private link's token travels in the URL fragment (never sent to a server or passed
// on as a referrer); answers are saved one by one as they change, with the version each one replaces.
(function () {
  'use strict';
  const token = decodeURIComponent(location.hash.slice(1));
  const api = '/portal/v1/' + encodeURIComponent(token);
  const form = document.getElementById('form');
  const status = document.getElementById('status');
  const submit = document.getElementById('submit');
  let view = null;
  let files = [];
  let clarification = {comments: {}};
  let clarificationLoaded = false;

  function say(text, error) {
    status.textContent = text;
    status.className = error ? 'status error' : 'status';
  }

  async function problem(response) {
    try {
      return (await response.json()).detail || response.statusText;
    } catch (e) {
      return response.statusText;
    }
  }

  async function load() {
    const response = await fetch(api, {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      form.replaceChildren();
      submit.hidden = true;
      say(await problem(response), true);
      return;
    }
    view = await response.json();
    // each call counts against the link's rate limit: files only when a file question is shown, the clarification
    // once per page (it changes only when the organisation returns the questionnaire)
    const fileShown = view.sections.some(s => s.questions.some(q => q.type === 'FILE' && view.shown.includes(q.id)));
    files = fileShown ? await optional(api + '/files', []) : [];
    if (!clarificationLoaded && view.open) {
      clarification = await optional(api + '/clarification', {comments: {}});
      clarificationLoaded = true;
    }
    render();
  }

  async function optional(url, fallback) {
    const response = await fetch(url, {headers: {Accept: 'application/json'}});
    return response.ok ? response.json() : fallback;
  }

  function size(bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }

  // a FILE question: the files uploaded so far (name, size, SHA-256, a download) and, while open, a file input
  function fileInput(q) {
    const wrap = document.createElement('div');
    const list = document.createElement('ul');
    list.className = 'files';
    list.id = 'files-' + q.id;
    files.filter(f => f.question === q.id).forEach(f => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = api + '/files/' + encodeURIComponent(q.id) + '/' + f.id;
      link.textContent = f.name;
      link.setAttribute('download', f.name);
      const hash = document.createElement('code');
      hash.className = 'sha256';
      hash.textContent = f.sha256;
      item.append(link, ' (' + size(f.size) + ') SHA-256 ', hash);
      list.append(item);
    });
    wrap.append(list);
    if (view.open) {
      const field = document.createElement('input');
      field.type = 'file';
      field.id = 'answer-' + q.id;
      field.addEventListener('change', () => {
        if (field.files.length) upload(q.id, field.files[0]);
      });
      wrap.append(field);
    }
    return wrap;
  }

  async function upload(id, file) {
    say('Uploading ' + file.name + '…');
    const body = new FormData();
    body.append('file', file);
    const response = await fetch(api + '/files/' + encodeURIComponent(id), {
      method: 'POST', headers: {Accept: 'application/json'}, body: body
    });
    if (!response.ok) {
      say(await problem(response), true);
      return;
    }
    const stored = await response.json();
    await load();
    say('Uploaded ' + stored.name + ' (' + size(stored.size) + ', SHA-256 ' + stored.sha256 + ').');
  }

  function answerOf(id) {
    const a = view.answers[id];
    return a ? a.value : null;
  }

  function input(q) {
    if (q.type === 'FILE') return fileInput(q);
    const value = answerOf(q.id);
    const disabled = !view.open;
    const wrap = document.createElement('div');
    if (q.options.length) {
      q.options.forEach(o => {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = q.type === 'MULTIPLE_CHOICE' ? 'checkbox' : 'radio';
        box.name = q.id;
        box.value = o.value;
        box.disabled = disabled;
        box.checked = Array.isArray(value) ? value.includes(o.value) : value === o.value;
        box.addEventListener('change', () => {
          const chosen = [...form.querySelectorAll('input[name="' + q.id + '"]:checked')].map(b => b.value);
          save(q.id, q.type === 'MULTIPLE_CHOICE' ? chosen : (chosen[0] || null), true);
        });
        label.append(box, ' ' + o.label + ' ');
        wrap.append(label);
      });
      return wrap;
    }
    const field = document.createElement(q.type === 'TEXT' ? 'textarea' : 'input');
    if (q.type === 'NUMBER') field.type = 'number';
    else if (q.type === 'DATE') field.type = 'date';
    else if (q.type !== 'TEXT') field.type = 'text';
    field.id = 'answer-' + q.id;
    field.disabled = disabled;
    field.value = value == null ? '' : value;
    field.addEventListener('change', () => {
      const raw = field.value.trim();
      save(q.id, raw === '' ? null : (q.type === 'NUMBER' ? Number(raw) : raw), false);
    });
    wrap.append(field);
    return wrap;
  }

  function render() {
    document.getElementById('title').textContent = view.title;
    document.getElementById('intro').textContent = 'For ' + view.vendor + ', due ' + view.dueOn
        + (view.open ? '. Answers are saved as you go.' : '. The answers were submitted.');
    form.replaceChildren();
    const asked = document.getElementById('clarification');
    asked.hidden = !clarification.returnedAt;
    asked.textContent = clarification.returnedAt ? 'Returned for clarification'
        + (clarification.note ? ': ' + clarification.note : '.') + ' See the reviewer\'s comments below.' : '';
    view.sections.forEach(s => {
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = s.title;
      fieldset.append(legend);
      s.questions.filter(q => view.shown.includes(q.id)).forEach(q => {
        const div = document.createElement('div');
        div.className = 'question';
        const label = document.createElement('label');
        label.className = q.required ? 'text required' : 'text';
        label.htmlFor = 'answer-' + q.id;
        label.textContent = q.text;
        div.append(label);
        if (q.help) {
          const hint = document.createElement('p');
          hint.className = 'help';
          hint.id = 'help-' + q.id;
          hint.textContent = q.help;
          div.append(hint);
        }
        div.append(input(q));
        const remark = clarification.comments[q.id];
        if (remark) {
          const p = document.createElement('p');
          p.className = 'clarify';
          p.id = 'comment-' + q.id;
          p.textContent = 'Reviewer: ' + remark;
          div.append(p);
        }
        fieldset.append(div);
      });
      form.append(fieldset);
    });
    submit.hidden = !view.open;
  }

  async function save(id, value, rerender) {
    say('Saving…');
    const previous = view.answers[id];
    const response = await fetch(api + '/answers/' + encodeURIComponent(id), {
      method: 'PUT',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify({value: value, version: previous ? previous.version : null})
    });
    if (response.status === 409) {
      say('This answer was changed elsewhere meanwhile; the page shows it again as it is now.', true);
      await load();
      return;
    }
    if (!response.ok) {
      say(await problem(response), true);
      return;
    }
    view.answers[id] = await response.json();
    say('Saved.');
    if (rerender) {
      await load();
    }
  }

  submit.addEventListener('click', async () => {
    const response = await fetch(api + '/submit', {method: 'POST', headers: {Accept: 'application/json'}});
    if (!response.ok) {
      say(await problem(response), true);
      return;
    }
    view = await response.json();
    clarification = {comments: {}};
    render();
    say('Submitted. Thank you.');
  });

  load();
})();
