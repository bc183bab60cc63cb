// The expert review page: leases one review at a time from /api/reviews, shows the item and the
// project's labels, and reveals the final label and its source only after the expert answered.
(function () {
  'use strict';

  const FEEDBACK_MS = 4000;
  const el = (id) => document.getElementById(id);
  // The token lives in this page's memory only: never stored, sent only as the authorization header.
  const state = { token: '', expertId: '', projectId: '', review: null, answered: false, timer: null };

  async function call(path, body) {
    const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (state.token) {
      headers.Authorization = 'Bearer ' + state.token;
    }
    const response = await fetch(path, { method: 'POST', headers: headers, body: JSON.stringify(body) });
    if (response.status === 204) {
      return null;
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) {
      if (json && json.error) {
        throw new Error(json.error);
      }
      if (response.status === 401) {
        throw new Error('Your review token is missing, unknown or revoked: ask your admin for a new one.');
      }
      if (response.status === 403) {
        throw new Error('This token may not review: it is not an expert\'s token.');
      }
      throw new Error('HTTP ' + response.status);
    }
    return json;
  }

  function showError(message) {
    el('error').textContent = message;
  }

  async function next() {
    clearTimeout(state.timer);
    showError('');
    el('feedback').textContent = '';
    el('feedback').className = '';
    try {
      const review = await call('/api/reviews/next', { expertId: state.expertId, projectId: state.projectId });
      state.review = review;
      state.answered = false;
      if (review) {
        show(review);
      } else {
        el('review').hidden = true;
        el('empty').hidden = false;
        el('retry').focus();
      }
    } catch (e) {
      showError(e.message);
    }
  }

  function show(review) {
    el('empty').hidden = true;
    el('review').hidden = false;
    el('item-id').textContent = review.itemId;
    el('project-name').textContent = '(' + review.projectId + ')';
    const isPair = !review.text;
    el('single').hidden = isPair;
    el('pair').hidden = !isPair;
    el('text').textContent = review.text || '';
    el('text-a').textContent = review.textA || '';
    el('text-b').textContent = review.textB || '';
    const labels = el('labels');
    labels.replaceChildren();
    review.labels.forEach((label, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'label';
      button.dataset.label = label;
      if (index < 9) {
        const key = document.createElement('kbd');
        key.textContent = String(index + 1);
        button.append(key);
        button.setAttribute('aria-keyshortcuts', String(index + 1));
      }
      button.append(label);
      button.setAttribute('aria-label', 'Label ' + (index + 1) + ': ' + label);
      button.addEventListener('click', () => answer(label));
      labels.append(button);
    });
    labels.querySelector('button').focus();
  }

  async function answer(label) {
    if (!state.review || state.answered) {
      return;
    }
    state.answered = true;
    el('labels').querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const result = await call('/api/reviews/' + encodeURIComponent(state.review.reviewId) + '/answer',
        { expertId: state.expertId, label: label });
      const verdict = result.agreed ? 'you agreed' : 'you disagreed';
      const feedback = el('feedback');
      feedback.textContent = 'Final label was ' + result.finalLabel + ' (' + result.finalLabelSource + ') \u2014 '
        + verdict + '. Press Enter or n for the next item.';
      feedback.className = result.agreed ? 'agreed' : 'disagreed';
      // Shown briefly, then on to the next item unless the expert moves on first.
      state.timer = setTimeout(next, FEEDBACK_MS);
    } catch (e) {
      state.answered = false;
      el('labels').querySelectorAll('button').forEach((b) => { b.disabled = false; });
      showError(e.message);
    }
  }

  el('start').addEventListener('submit', (event) => {
    event.preventDefault();
    state.token = el('token').value.trim();
    state.expertId = el('expert-id').value.trim();
    state.projectId = el('project-id').value.trim();
    if (!state.token && !state.expertId) {
      showError('Enter your review token (or, where auth is off, your expert id).');
      el('token').focus();
      return;
    }
    el('start').hidden = true;
    next();
  });

  el('retry').addEventListener('click', next);

  document.addEventListener('keydown', (event) => {
    if (!state.review || event.target.tagName === 'INPUT' || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (state.answered && (event.key === 'Enter' || event.key === 'n')) {
      event.preventDefault();
      next();
      return;
    }
    const index = Number.parseInt(event.key, 10);
    if (!state.answered && index >= 1 && index <= 9 && index <= state.review.labels.length) {
      event.preventDefault();
      answer(state.review.labels[index - 1]);
    }
  });
}());
