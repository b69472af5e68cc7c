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
    render();
  }

  function answerOf(id) {
    const a = view.answers[id];
    return a ? a.value : null;
  }

  function input(q) {
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
        div.append(label, input(q));
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
    render();
    say('Submitted. Thank you.');
  });

  load();
})();
