// Swagger UI initialisation for /docs (served as /static/docs-init.js).
// Kept out of docs.html so that the page needs no inline script under CSP.
// Do not use swagger-ui-dist's swagger-initializer.js: it points at the petstore.
/* global SwaggerUIBundle, SwaggerUIStandalonePreset */
window.addEventListener('load', function () {
  'use strict';
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
    // The default validator badge calls an external service; stay offline.
    validatorUrl: null,
    // Never take ?url=/?configUrl= from the address bar (v5 default, made explicit).
    queryConfigEnabled: false,
    displayRequestDuration: true,
    tryItOutEnabled: false
  });
});
