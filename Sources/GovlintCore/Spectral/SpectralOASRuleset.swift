/// govlint's rendering of Spectral's built-in `spectral:oas` ruleset (Spectral
/// 6.x, `packages/rulesets/src/oas`): the same rule names, descriptions,
/// messages, `given` paths, functions, severities, `recommended` flags and
/// formats, so rulesets that extend `spectral:oas` run unchanged. Spectral's
/// OpenAPI-specific JavaScript functions are native (``SpectralOASFunctions``); `resolved: false` rules see
/// the document as written. Scoped aliases are flattened (ArrayProperties
/// matches `type: array`, not 3.1's `type: [array, …]` lists).
enum SpectralOASRuleset {
    static let name = "spectral:oas"

    static let text = #"""
formats: [oas2, oas3, oas3_0, oas3_1, oas3_2]
aliases:
  PathItem: ["$.paths[*]"]
  OperationObject: ["#PathItem[get,put,post,delete,options,head,patch,trace]"]
  SecurityRequirementObject: ["$.security[*]", "#OperationObject.security[*]"]
  ResponseObject: ["#OperationObject.responses[*]", "$.components.responses[*]", "$.responses[*]"]
  ArrayProperties: ["$..[?(@ && @.type == 'array')]"]
rules:
  operation-success-response:
    description: 'Operation must have at least one "2xx" or "3xx" response.'
    given: "#OperationObject"
    then: { field: responses, function: oasOpSuccessResponse }
  oas2-operation-formData-consume-check:
    description: 'Operations with "in: formData" parameter must include "application/x-www-form-urlencoded" or "multipart/form-data" in their "consumes" property.'
    formats: [oas2]
    given: "#OperationObject"
    then: { function: oasOpFormDataConsumeCheck }
  operation-operationId-unique:
    description: 'Every operation must have unique "operationId".'
    severity: error
    given: $.paths
    then: { function: oasOpIdUnique }
  operation-parameters:
    description: Operation parameters are unique and non-repeating.
    message: "{{error}}"
    given: "#OperationObject.parameters"
    then: { function: oasOpParams }
  operation-tag-defined:
    description: 'Operation tags must be defined in global tags.'
    given: $
    then: { function: oasTagDefined }
  path-params:
    description: Path parameters must be defined and valid.
    message: "{{error}}"
    severity: error
    given: $
    then: { function: oasPathParam }
  contact-properties:
    description: 'Contact object must have "name", "url" and "email".'
    recommended: false
    given: $.info.contact
    then:
      - { field: name, function: truthy }
      - { field: url, function: truthy }
      - { field: email, function: truthy }
  duplicated-entry-in-enum:
    description: 'Enum values must not have duplicate entry.'
    message: "{{error}}"
    given: ["$..[?(@property !== 'properties' && @ != null && @.enum)]"]
    then: { field: enum, function: schema, functionOptions: { schema: { uniqueItems: true } } }
  info-contact:
    description: 'Info object must have "contact" object.'
    given: $
    then: { field: info.contact, function: truthy }
  info-description:
    description: 'Info "description" must be present and non-empty string.'
    given: $
    then: { field: info.description, function: truthy }
  info-license:
    description: 'Info object must have "license" object.'
    recommended: false
    given: $
    then: { field: info.license, function: truthy }
  license-url:
    description: 'License object must include "url".'
    recommended: false
    given: $
    then: { field: info.license.url, function: truthy }
  no-eval-in-markdown:
    description: 'Markdown descriptions must not have "eval(".'
    given: "$..[description,title]"
    then: { function: pattern, functionOptions: { notMatch: "eval\\(" } }
  no-script-tags-in-markdown:
    description: 'Markdown descriptions must not have "<script>" tags.'
    given: "$..[description,title]"
    then: { function: pattern, functionOptions: { notMatch: "<script" } }
  openapi-tags-alphabetical:
    description: 'OpenAPI object must have alphabetical "tags".'
    recommended: false
    given: $
    then: { field: tags, function: alphabetical, functionOptions: { keyedBy: name } }
  openapi-tags-uniqueness:
    description: Each tag must have a unique name.
    message: "{{error}}"
    severity: error
    given: $.tags
    then: { function: uniquenessTags }
  openapi-tags:
    description: 'OpenAPI object must have non-empty "tags" array.'
    recommended: false
    given: $
    then: { field: tags, function: schema, functionOptions: { dialect: draft7, schema: { type: array, minItems: 1 } } }
  operation-description:
    description: 'Operation "description" must be present and non-empty string.'
    given: "#OperationObject"
    then: { field: description, function: truthy }
  operation-operationId:
    description: 'Operation must have "operationId".'
    given: "#OperationObject"
    then: { field: operationId, function: truthy }
  operation-operationId-valid-in-url:
    message: 'operationId must not contain characters that are invalid when used in URL.'
    given: "#OperationObject"
    then:
      field: operationId
      function: pattern
      functionOptions: { match: "^[A-Za-z0-9-._~:/?#\\[\\]@!\\$&'()*+,;=]*$" }
  operation-singular-tag:
    description: 'Operation must not have more than a single tag.'
    recommended: false
    given: "#OperationObject"
    then: { field: tags, function: length, functionOptions: { max: 1 } }
  operation-tags:
    description: 'Operation must have non-empty "tags" array.'
    given: "#OperationObject"
    then: { field: tags, function: schema, functionOptions: { dialect: draft7, schema: { type: array, minItems: 1 } } }
  path-declarations-must-exist:
    message: 'Path parameter declarations must not be empty, ex."/given/{}" is invalid.'
    given: $.paths
    then: { field: "@key", function: pattern, functionOptions: { notMatch: "{}" } }
  path-keys-no-trailing-slash:
    message: 'Path must not end with slash.'
    given: $.paths
    then: { field: "@key", function: pattern, functionOptions: { notMatch: ".+\\/$" } }
  path-not-include-query:
    description: 'Path must not include query string.'
    given: $.paths
    then: { field: "@key", function: pattern, functionOptions: { notMatch: "\\?" } }
  tag-description:
    description: 'Tag object must have "description".'
    recommended: false
    given: $.tags[*]
    then: { field: description, function: truthy }
  no-$ref-siblings:
    description: Property must not be placed among $ref
    message: "{{error}}"
    formats: [oas2, oas3_0]
    severity: error
    resolved: false
    given: "$..[?(@property === '$ref')]"
    then: { function: refSiblings }
  array-items:
    message: 'Schemas with "type: array", require a sibling "items" field'
    severity: error
    resolved: false
    given: "#ArrayProperties"
    then: { field: items, function: truthy }
  typed-enum:
    description: Enum values must respect the specified type.
    message: "{{error}}"
    given: "$..[?(@ && @.enum && @.type)]"
    then: { function: typedEnum }
  oas2-api-host:
    description: 'OpenAPI "host" must be present and non-empty string.'
    formats: [oas2]
    given: $
    then: { field: host, function: truthy }
  oas2-api-schemes:
    description: 'OpenAPI host "schemes" must be present and non-empty array.'
    formats: [oas2]
    given: $
    then:
      field: schemes
      function: schema
      functionOptions: { dialect: draft7, schema: { type: array, minItems: 1, items: { type: string } } }
  oas2-discriminator:
    description: discriminator property must be defined and required
    message: "{{error}}"
    formats: [oas2]
    severity: error
    given: "$.definitions[?(@.discriminator)]"
    then: { function: oasDiscriminator }
  oas2-host-not-example:
    description: 'Host URL must not point at example.com.'
    recommended: false
    formats: [oas2]
    given: $
    then: { field: host, function: pattern, functionOptions: { notMatch: "example\\.com" } }
  oas2-host-trailing-slash:
    description: 'Server URL must not have trailing slash.'
    formats: [oas2]
    given: $
    then: { field: host, function: pattern, functionOptions: { notMatch: "/$" } }
  oas2-parameter-description:
    description: 'Parameter objects must have "description".'
    recommended: false
    formats: [oas2]
    given: "$..parameters[?(@ && @.in)]"
    then: { field: description, function: truthy }
  oas2-operation-security-defined:
    description: Operation "security" values must match a scheme defined in the "securityDefinitions" object.
    message: "{{error}}"
    formats: [oas2]
    given: "#SecurityRequirementObject"
    then: { function: oasSecurityDefined, functionOptions: { oasVersion: 2 } }
  oas2-valid-schema-example:
    description: Examples must be valid against their defined schema.
    message: "{{error}}"
    formats: [oas2]
    severity: error
    given:
      - "$..definitions..[?(@property !== 'properties' && @ && (@.example !== void 0 || @['x-example'] !== void 0 || @.default !== void 0) && (@.enum || @.type || @.format || @.$ref || @.properties || @.items))]"
      - "$..parameters..[?(@property !== 'properties' && @ && (@.example !== void 0 || @['x-example'] !== void 0 || @.default !== void 0) && (@.enum || @.type || @.format || @.$ref || @.properties || @.items))]"
      - "$..responses..[?(@property !== 'properties' && @ && (@.example !== void 0 || @['x-example'] !== void 0 || @.default !== void 0) && (@.enum || @.type || @.format || @.$ref || @.properties || @.items))]"
    then: { function: oasExample, functionOptions: { schemaField: $, oasVersion: 2, type: schema } }
  oas2-valid-media-example:
    description: Examples must be valid against their defined schema.
    message: "{{error}}"
    formats: [oas2]
    severity: error
    given: "$..responses..[?(@ && @.schema && @.examples)]"
    then: { function: oasExample, functionOptions: { schemaField: schema, oasVersion: 2, type: media } }
  oas2-anyOf:
    message: '"anyOf" keyword must not be used in OpenAPI v2 document.'
    description: 'anyOf is not available in OpenAPI v2, it was added in OpenAPI v3'
    formats: [oas2]
    given: $..anyOf
    then: { function: undefined }
  oas2-oneOf:
    message: '"oneOf" keyword must not be used in OpenAPI v2 document.'
    description: 'oneOf is not available in OpenAPI v2, it was added in OpenAPI v3'
    formats: [oas2]
    given: $..oneOf
    then: { function: undefined }
  oas2-schema:
    description: Validate structure of OpenAPI v2 specification.
    message: "{{error}}."
    formats: [oas2]
    severity: error
    resolved: false
    given: $
    then: { function: oasDocumentSchema }
  oas2-unused-definition:
    description: Potentially unused definition has been detected.
    formats: [oas2]
    resolved: false
    given: $.definitions
    then: { function: unreferencedReusableObject, functionOptions: { reusableObjectsLocation: "#/definitions" } }
  oas3-api-servers:
    description: 'OpenAPI "servers" must be present and non-empty array.'
    formats: [oas3]
    given: $
    then:
      field: servers
      function: schema
      functionOptions: { dialect: draft7, schema: { type: array, minItems: 1, items: { type: object } } }
  oas3-examples-value-or-externalValue:
    description: 'Examples must have either "value" or "externalValue" field.'
    formats: [oas3]
    given:
      - "$.components.examples[*]"
      - "$.paths[*][*]..content[*].examples[*]"
      - "$.paths[*][*]..parameters[*].examples[*]"
      - "$.components.parameters[*].examples[*]"
      - "$.paths[*][*]..headers[*].examples[*]"
      - "$.components.headers[*].examples[*]"
    then: { function: xor, functionOptions: { properties: [externalValue, value] } }
  oas3-operation-security-defined:
    description: Operation "security" values must match a scheme defined in the "components.securitySchemes" object.
    message: "{{error}}"
    formats: [oas3]
    given: "#SecurityRequirementObject"
    then: { function: oasSecurityDefined, functionOptions: { oasVersion: 3 } }
  oas3-parameter-description:
    description: 'Parameter objects must have "description".'
    recommended: false
    formats: [oas3]
    given:
      - "#PathItem.parameters[?(@ && @.in)]"
      - "#OperationObject.parameters[?(@ && @.in)]"
      - "$.components.parameters[?(@ && @.in)]"
    then: { field: description, function: truthy }
  oas3-server-not-example.com:
    description: 'Server URL must not point at example.com.'
    recommended: false
    formats: [oas3]
    given: "$.servers[*].url"
    then: { function: pattern, functionOptions: { notMatch: "example\\.com" } }
  oas3-server-trailing-slash:
    description: 'Server URL must not have trailing slash.'
    formats: [oas3]
    given: "$.servers[*].url"
    then: { function: pattern, functionOptions: { notMatch: "./$" } }
  oas3-valid-media-example:
    description: Examples must be valid against their defined schema.
    message: "{{error}}"
    formats: [oas3]
    severity: error
    given:
      - "$..content..[?(@ && @.schema && (@.example !== void 0 || @.examples))]"
      - "$..headers..[?(@ && @.schema && (@.example !== void 0 || @.examples))]"
      - "$..parameters..[?(@ && @.schema && (@.example !== void 0 || @.examples))]"
    then: { function: oasExample, functionOptions: { schemaField: schema, oasVersion: 3, type: media } }
  oas3-valid-schema-example:
    description: Examples must be valid against their defined schema.
    message: "{{error}}"
    formats: [oas3]
    severity: error
    given:
      - "$.components.schemas..[?(@property !== 'properties' && @ && (@ && @.example !== void 0 || @.default !== void 0) && (@.enum || @.type || @.format || @.$ref || @.properties || @.items))]"
      - "$..content..[?(@property !== 'properties' && @ && (@ && @.example !== void 0 || @.default !== void 0) && (@.enum || @.type || @.format || @.$ref || @.properties || @.items))]"
      - "$..headers..[?(@property !== 'properties' && @ && (@ && @.example !== void 0 || @.default !== void 0) && (@.enum || @.type || @.format || @.$ref || @.properties || @.items))]"
      - "$..parameters..[?(@property !== 'properties' && @ && (@ && @.example !== void 0 || @.default !== void 0) && (@.enum || @.type || @.format || @.$ref || @.properties || @.items))]"
    then: { function: oasExample, functionOptions: { schemaField: $, oasVersion: 3, type: schema } }
  oas3-schema:
    description: Validate structure of OpenAPI v3 specification.
    message: "{{error}}."
    formats: [oas3]
    severity: error
    resolved: false
    given: $
    then: { function: oasDocumentSchema }
  oas3-unused-component:
    message: Potentially unused component has been detected.
    formats: [oas3]
    resolved: false
    given: $
    then: { function: oasUnusedComponent }
  oas3-links-parameters-expression:
    description: The links.parameters object's values should be valid runtime expressions.
    message: "{{error}}"
    formats: [oas3]
    severity: error
    given: "#ResponseObject.links[*].parameters"
    then: { function: runtimeExpression }
  oas3-server-variables:
    description: 'Server variables must be defined and valid and there must be no unused variables.'
    message: "{{error}}"
    severity: error
    given: ["$.servers[*]", "#PathItem.servers[*]", "#OperationObject.servers[*]", "$.components.links[*].server", "#ResponseObject.links[*].server"]
    then: { function: serverVariables, functionOptions: { checkSubstitutions: true, requireDefault: true } }
  oas3-callbacks-in-callbacks:
    message: 'Callbacks should not be defined within a callback'
    formats: [oas3]
    given: ["#OperationObject.callbacks[*][*][*].callbacks"]
    then: { function: undefined }
  oas3_1-servers-in-webhook:
    message: Servers should not be defined in a webhook.
    formats: [oas3_1, oas3_2]
    given: ["$.webhooks.servers", "$.webhooks[*][*].servers"]
    then: { function: undefined }
  oas3_1-callbacks-in-webhook:
    message: Callbacks should not be defined in a webhook.
    formats: [oas3_1, oas3_2]
    given: ["$.webhooks[*][*].callbacks"]
    then: { function: undefined }
  oas3_2-no-deprecated-xml-attribute:
    message: '"xml.attribute" is deprecated in OAS 3.2; use "xml.nodeType: attribute" instead.'
    formats: [oas3_2]
    given: ["$..[?(@ && @.xml)].xml"]
    then:
      function: schema
      functionOptions: { schema: { not: { properties: { attribute: { const: true } }, required: [attribute] } } }
"""#
}
