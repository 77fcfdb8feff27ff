// Marks when the form was opened: the CMS refuses forms sent faster than a person can fill them.
document.getElementById('f-started').value = String(Date.now());
