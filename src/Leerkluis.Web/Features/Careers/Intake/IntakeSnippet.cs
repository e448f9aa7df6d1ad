namespace Leerkluis.Web.Features.Careers.Intake;

/// <summary>
/// The embeddable form: a region's website adds
/// <c>&lt;div id="leerkluis-aanmelden"&gt;&lt;/div&gt;&lt;script src="https://HOST/api/v1/intake/form.js" data-key="KEY"&gt;&lt;/script&gt;</c>.
/// Plain script, no libraries, no CDN; labels, a hidden honeypot and an alert region for errors.
/// </summary>
public static class IntakeSnippet
{
    public const string Script = """
(function () {
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(script.src).origin;
  var key = script.getAttribute('data-key');
  var host = document.getElementById(script.getAttribute('data-target') || 'leerkluis-aanmelden');
  if (!host || !key) return;
  var subjects = [['wiskunde','Wiskunde'],['nederlands','Nederlands'],['engels','Engels'],['natuurkunde','Natuurkunde'],['scheikunde','Scheikunde'],
    ['biologie','Biologie'],['informatica','Informatica'],['economie','Economie'],['geschiedenis','Geschiedenis'],['groepsleerkracht','Groepsleerkracht (po)']];
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }
  function field(name, label, type, required) {
    var p = el('p');
    p.appendChild(el('label', { 'for': 'lk-' + name }, label + (required ? ' (verplicht)' : '')));
    p.appendChild(document.createElement('br'));
    var input = el(type === 'textarea' ? 'textarea' : 'input', { id: 'lk-' + name, name: name });
    if (type !== 'textarea') input.setAttribute('type', type);
    if (required) input.setAttribute('required', '');
    p.appendChild(input);
    return p;
  }
  function group(name, legend, options) {
    var fs = el('fieldset');
    fs.appendChild(el('legend', {}, legend));
    options.forEach(function (o) {
      var l = el('label', { 'for': 'lk-' + name + '-' + o[0] });
      l.appendChild(el('input', { type: 'checkbox', id: 'lk-' + name + '-' + o[0], name: name, value: o[0] }));
      l.appendChild(document.createTextNode(' ' + o[1] + ' '));
      fs.appendChild(l);
    });
    return fs;
  }
  var form = el('form', { method: 'post', action: base + '/api/v1/intake/' + encodeURIComponent(key), novalidate: '' });
  var status = el('div', { role: 'alert', id: 'lk-status' });
  form.appendChild(status);
  form.appendChild(field('firstName', 'Voornaam', 'text', true));
  form.appendChild(field('lastName', 'Achternaam', 'text', true));
  form.appendChild(field('email', 'E-mailadres', 'email', true));
  form.appendChild(field('phone', 'Telefoonnummer', 'tel', false));
  form.appendChild(group('sectors', 'Waar wil je lesgeven?', [['po','Basisonderwijs (po)'],['vo','Voortgezet onderwijs (vo)'],['mbo','Mbo']]));
  form.appendChild(group('subjects', 'Welke vakken?', subjects));
  form.appendChild(field('message', 'Vraag of toelichting', 'textarea', false));
  var trap = el('p', { 'aria-hidden': 'true', style: 'position:absolute;left:-10000px' });
  trap.appendChild(el('label', { 'for': 'lk-website' }, 'Laat dit veld leeg'));
  trap.appendChild(el('input', { id: 'lk-website', name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' }));
  form.appendChild(trap);
  var consent = el('p');
  var cl = el('label', { 'for': 'lk-consent' });
  cl.appendChild(el('input', { type: 'checkbox', id: 'lk-consent', name: 'consent', value: 'true', required: '' }));
  cl.appendChild(document.createTextNode(' Ik geef toestemming om mijn gegevens te bewaren en contact met mij op te nemen over werken in het onderwijs (verplicht).'));
  consent.appendChild(cl);
  form.appendChild(consent);
  form.appendChild(el('button', { type: 'submit', id: 'lk-submit' }, 'Aanmelden'));
  host.appendChild(form);

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var data = new FormData(form);
    var body = {
      firstName: data.get('firstName'), lastName: data.get('lastName'), email: data.get('email'), phone: data.get('phone') || null,
      subjects: data.getAll('subjects'), sectors: data.getAll('sectors'), message: data.get('message') || null,
      consent: data.get('consent') === 'true', website: data.get('website') || null
    };
    status.textContent = 'Bezig met versturen…';
    fetch(form.action, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }, function () { return { ok: r.ok, body: {} }; }); })
      .then(function (res) {
        if (res.ok) { form.reset(); status.textContent = res.body.message || 'Bedankt voor je aanmelding.'; return; }
        var lines = [res.body.title || 'Versturen is niet gelukt.'];
        var errors = res.body.errors || {};
        for (var f in errors) lines = lines.concat(errors[f]);
        status.textContent = lines.join(' ');
      }, function () { status.textContent = 'Versturen is niet gelukt. Probeer het later opnieuw.'; });
  });
})();
""";
}
