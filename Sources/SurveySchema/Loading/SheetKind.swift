/// The kinds of sheet in a kit, with the columns each knows.
///
/// `columns` are the canonical names careeval reads; `translatable` columns take a
/// language suffix (`label::English (en)`); `aliases` map pyxform's alternative
/// spellings (already snake-cased) to the canonical name; `ignored` are XLSForm
/// columns careeval accepts but does not use (no lint note).
enum SheetKind: String, Sendable, CaseIterable {
  case survey, choices, settings, scales, indicators, targets, agreement, regions, aliases

  /// The file name of the sheet (`survey.csv`).
  var fileName: String { rawValue + ".csv" }

  var columns: Set<String> {
    switch self {
    case .survey:
      [
        "type", "name", "label", "hint", "required", "relevant", "constraint", "constraint_message",
        "calculation", "appearance", "privacy",
      ]
    case .choices: ["list_name", "name", "label", "value"]
    case .settings:
      [
        "form_id", "form_title", "version", "default_language", "allow_choice_duplicates",
        "respondent",
        "subject", "response_id", "submitted_at", "region", "weight", "strata", "psu",
      ]
    case .scales:
      [
        "name", "label", "form", "items", "reverse", "method", "min_valid", "item_min", "item_max",
        "bands",
      ]
    case .indicators: ["name", "label", "area", "unit", "kind", "value", "population", "direction"]
    case .targets: ["indicator", "region", "target"]
    case .agreement: ["name", "label", "left", "right"]
    case .regions: ["code", "name", "level", "parent"]
    case .aliases: ["old_code", "new_code"]
    }
  }

  var translatable: Set<String> {
    switch self {
    case .survey:
      [
        "label", "hint", "constraint_message", "required_message", "guidance_hint", "image",
        "audio", "video", "big-image",
      ]
    case .choices: ["label", "image", "audio", "video", "big-image"]
    case .scales, .indicators, .agreement: ["label"]
    case .regions: ["name"]
    case .settings, .targets, .aliases: []
    }
  }

  var aliases: [String: String] {
    switch self {
    case .survey:
      [
        "relevance": "relevant", "bind:relevant": "relevant", "caption": "label",
        "constraint_message": "constraint_message", "constraining_message": "constraint_message",
        "bind:jr:constraintmsg": "constraint_message", "jr:constraintmsg": "constraint_message",
        "calculate": "calculation", "bind:calculate": "calculation", "bind:required": "required",
        "bind:constraint": "constraint", "readonly": "read_only", "bind:readonly": "read_only",
        "requiredmsg": "required_message", "bind:jr:requiredmsg": "required_message",
        "jr:requiredmsg": "required_message",
        "count": "repeat_count", "jr:count": "repeat_count", "control:jr:count": "repeat_count",
        "control:appearance": "appearance",
      ]
    case .choices: ["list": "list_name", "caption": "label"]
    case .settings:
      ["id_string": "form_id", "set_form_id": "form_id", "set_form_title": "form_title"]
    case .regions: ["parent_code": "parent"]
    case .aliases: ["old": "old_code", "new": "new_code", "alias_of": "new_code"]
    case .scales, .indicators, .targets, .agreement: [:]
    }
  }

  /// XLSForm columns careeval accepts without using them.
  var ignored: Set<String> {
    switch self {
    case .survey:
      [
        "default", "choice_filter", "read_only", "required_message", "repeat_count", "parameters",
        "trigger",
        "guidance_hint", "image", "audio", "video", "big-image", "media", "body", "instance",
        "note",
        "autoplay", "rows", "save_to", "entities", "no_app_error_string", "jr:noapperrorstring",
      ]
    case .choices: ["image", "audio", "video", "big-image", "media", "filter"]
    case .settings:
      [
        "instance_name", "public_key", "submission_url", "style", "name", "clean_text_values",
        "namespaces",
        "auto_send", "auto_delete", "sms_keyword", "sms_separator", "sms_allow_media",
        "sms_date_format",
        "sms_datetime_format", "prefix", "delimiter", "instance_xmlns", "attribute",
        "client_editable",
        "omit_instanceid", "add_none_option", "language",
      ]
    case .regions, .aliases: ["note", "comment"]
    case .scales, .indicators, .targets, .agreement: ["note", "comment", "description"]
    }
  }

  /// Prefixes of structured pyxform headers (`bind::relevant`, `media::image::en`).
  static let structuredPrefixes: Set<String> = ["bind", "control", "media", "instance", "body"]
}
