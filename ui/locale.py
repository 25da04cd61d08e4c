"""The page in Chinese whatever the browser's language: Chinese for Gradio's own strings
("Drop File Here", "Clear", "Copy message", …) under every language Gradio's frontend picks from
the browser, and the labels Gradio writes in English outside its i18n (FIXED_LABELS, put in by a page script).

Gradio chooses its language from the browser (navigator.language) and has no setting to fix it.
Its frontend looks a key up as written before it follows the dots, so these flat keys, given
through gr.I18n for each of its languages, win over the nested ones it ships. Most values are
Gradio's own zh-CN translation (version 6.x); it lacks the chatbot's copy buttons and others,
which are filled in here.
"""

from __future__ import annotations

# the languages the installed Gradio frontend ships (its assets/<lang>-<hash>.js files) plus
# "en", which every other browser language falls back to
GRADIO_LANGUAGES = (
    "ar",
    "ca",
    "ckb",
    "de",
    "en",
    "es",
    "et",
    "eu",
    "fa",
    "fi",
    "fr",
    "he",
    "hi",
    "id",
    "ja",
    "ko",
    "lt",
    "nb",
    "nl",
    "pl",
    "pt",
    "pt-BR",
    "ro",
    "ru",
    "sv",
    "ta",
    "th",
    "tr",
    "uk",
    "ur",
    "uz",
    "zh-CN",
    "zh-TW",
)

GRADIO_ZH: dict[str, str] = {
    "_name": "简体中文",
    "3D_model.3d_model": "3D模型",
    "3D_model.drop_to_upload": "将 3D 模型（.obj、.glb、.stl、.gltf、.splat 或 .ply）文件拖放到此处以上传",
    "annotated_image.annotated_image": "标注图像",
    "audio.allow_recording_access": "请允许访问麦克风以进行录音。",
    "audio.audio": "音频",
    "audio.drop_to_upload": "将音频文件拖放到此处以上传",
    "audio.record_from_microphone": "从麦克风录制",
    "audio.stop_recording": "停止录制",
    "audio.no_device_support": "无法访问媒体设备。请检查您是否在安全来源（https）或本地主机上运行（或者您已经通过 ssl_verify 传递了有效的 SSL 证书），并且您已经允许浏览器访问您的设备。",
    "audio.stop": "停止",
    "audio.resume": "继续",
    "audio.record": "录制",
    "audio.no_microphone": "找不到麦克风",
    "audio.recording_error": "无法使用麦克风录音。",
    "audio.pause": "暂停",
    "audio.play": "播放",
    "audio.waiting": "等待中",
    "common.complete": "完成",  # a key Gradio uses without an English text of its own
    "blocks.connection_can_break": "在移动设备上，如果此标签页失去焦点或设备休眠，连接可能会中断，导致您在队列中失去位置。",
    "blocks.long_requests_queue": "有一个长时间的待处理请求队列。复制此 Space 以跳过队列。",
    "blocks.lost_connection": "由于离开页面，连接已丢失。正在重新加入队列...",
    "blocks.waiting_for_inputs": "等待文件上传完成，请稍后重试。",
    "chatbot.edit": "编辑",
    "chatbot.retry": "重试",
    "chatbot.undo": "撤销",
    "chatbot.submit": "发送",
    "chatbot.cancel": "取消",
    "chatbot.like": "赞",
    "chatbot.dislike": "踩",
    "chatbot.clear": "清空对话",
    "chatbot.complete": "完成",
    "chatbot.copy_message": "复制回答",
    "chatbot.copied_message": "已复制",
    "chat_interface.new_chat": "新对话",
    "chat_interface.message_placeholder": "输入消息…",
    "chat_interface.additional_inputs": "更多输入",
    "chat_interface.chatbot": "对话",
    "chat_interface.conversation": "对话",
    "checkbox.checkbox": "复选框",
    "checkbox.checkbox_group": "复选框组",
    "code.code": "代码",
    "color_picker.color_picker": "颜色选择器",
    "common.built_with": "构建于",
    "common.built_with_gradio": "使用 Gradio 构建",
    "common.clear": "清除",
    "common.download": "下载",
    "common.download_all": "全部下载",
    "common.edit": "编辑",
    "common.empty": "空",
    "common.error": "错误",
    "common.hosted_on": "托管在",
    "common.loading": "加载中",
    "common.logo": "标志",
    "common.or": "或",
    "common.remove": "移除",
    "common.runs": "运行记录",
    "common.runs_description": "查看此浏览器保存的运行记录",
    "common.back_to_app": "返回",
    "common.back_to_app_description": "返回应用",
    "common.settings": "设置",
    "common.share": "分享",
    "common.submit": "提交",
    "common.undo": "撤销",
    "common.no_devices": "未找到设备",
    "common.language": "语言",
    "common.display_theme": "显示主题",
    "common.pwa": "渐进式 Web 应用",
    "common.progress": "进度",
    "common.record": "录制",
    "common.stop_recording": "停止录制",
    "common.screen_studio": "屏幕录制",
    "common.share_gradio_tab": "[分享] Gradio 标签页",
    "common.run": "运行",
    "dataframe.incorrect_format": "格式不正确，仅支持 CSV 和 TSV 文件",
    "dataframe.new_column": "添加列",
    "dataframe.new_row": "新行",
    "dataframe.add_row_above": "在上方添加行",
    "dataframe.add_row_below": "在下方添加行",
    "dataframe.delete_row": "删除行",
    "dataframe.delete_column": "删除列",
    "dataframe.add_column_left": "在左侧添加列",
    "dataframe.add_column_right": "在右侧添加列",
    "dataframe.sort_column": "排序列",
    "dataframe.sort_ascending": "升序排序",
    "dataframe.sort_descending": "降序排序",
    "dataframe.drop_to_upload": "将 CSV 或 TSV 文件拖放到此处以将数据导入数据框",
    "dataframe.import_empty_file": "拖入的文件是空的。",
    "dataframe.import_no_column_names": "拖入的文件没有列名。",
    "dataframe.import_ragged_row": "文件第 {line} 行有 {fields} 个字段，表头有 {columns} 个。",
    "dataframe.import_static_columns": "此表的列是只读的，无法导入。",
    "dataframe.import_fixed_columns": "此表只接受 {expected} 列，文件有 {actual} 列。",
    "dataframe.import_fixed_rows": "此表只接受 {expected} 行，文件有 {actual} 行。",
    "dataframe.clear_sort": "清除排序",
    "dataframe.filter": "筛选",
    "dataframe.clear_filter": "清除筛选",
    "dropdown.dropdown": "下拉菜单",
    "errors.build_error": "存在构建错误",
    "errors.config_error": "存在配置错误",
    "errors.contact_page_author": "请联系页面的作者并告知他们。",
    "errors.no_app_file": "不存在应用文件",
    "errors.runtime_error": "存在运行时错误",
    "errors.space_not_working": '"Space 无法工作，原因：" {0}',
    "errors.space_paused": "Space 已暂停",
    "errors.use_via_api": "通过 API 使用",
    "errors.use_via_api_or_mcp": "通过 API 或 MCP 使用",
    "file.uploading": "正在上传...",
    "highlighted_text.highlighted_text": "高亮文本",
    "image.allow_webcam_access": "请允许访问网络摄像头以进行录制。",
    "image.brush_color": "画笔颜色",
    "image.brush_radius": "画笔大小",
    "image.image": "图像",
    "image.remove_image": "移除图像",
    "image.select_brush_color": "选择画笔颜色",
    "image.start_drawing": "开始绘画",
    "image.use_brush": "使用画笔",
    "image.drop_to_upload": "将图像文件拖放到此处以上传",
    "image_editor.add_layer": "添加图层",
    "image_editor.brush": "画笔",
    "image_editor.brush_size": "画笔大小",
    "image_editor.clear_canvas": "清空画布",
    "image_editor.color": "颜色",
    "image_editor.confirm_crop": "确认裁剪",
    "image_editor.crop": "裁剪",
    "image_editor.erase": "擦除",
    "image_editor.eraser_size": "橡皮擦大小",
    "image_editor.fit_to_screen": "适应屏幕",
    "image_editor.layer": "图层",
    "image_editor.layers": "图层",
    "image_editor.pan": "平移",
    "image_editor.paste": "粘贴",
    "image_editor.redo": "重做",
    "image_editor.resize": "调整大小",
    "image_editor.save_changes": "保存更改",
    "image_editor.select_draw_tool": "选择绘图工具开始",
    "image_editor.show_layers": "显示图层",
    "image_editor.upload": "上传",
    "image_editor.upload_image": "上传图像",
    "image_editor.webcam": "摄像头",
    "image_editor.zoom_in": "放大",
    "image_editor.zoom_out": "缩小",
    "label.label": "标签",
    "login.enable_cookies": "如果您正在使用隐身模式访问 HuggingFace Space，您必须启用第三方 cookie。",
    "login.incorrect_credentials": "凭据不正确",
    "login.username": "用户名",
    "login.password": "密码",
    "login.login": "登录",
    "number.number": "数字",
    "plot.plot": "图表",
    "radio.radio": "单选框",
    "slider.slider": "滑块",
    "status.queue_position": "排队中：第 {position} 位，共 {size} 位",
    "upload_text.click_to_upload": "点击上传",
    "upload_text.drop_audio": "将音频拖放到此处",
    "upload_text.drop_csv": "将 CSV 文件拖放到此处",
    "upload_text.drop_file": "将文件拖放到此处",
    "upload_text.drop_image": "将图像拖放到此处",
    "upload_text.drop_video": "将视频拖放到此处",
    "upload_text.drop_gallery": "在此处放置媒体文件",
    "upload_text.paste_clipboard": "从剪贴板粘贴",
    "video.drop_to_upload": "将视频文件拖放到此处以上传",
}


# labels Gradio writes in English outside its i18n (screen-reader names, tooltips), as they
# stand or by their opening words (a chat message's label is "bot's message: <its text>")
FIXED_LABELS = {
    "chatbot conversation": "问答对话",
    "Click to upload or drop files": "点击上传或拖放文件",
    "Copy table data": "复制表格数据",
    "Empty value": "空值",
    "File upload": "上传文件",
    "Fullscreen": "全屏",
    "Exit fullscreen mode": "退出全屏",
    "Gradio footer navigation": "页脚导航",
    "More tabs": "更多标签页",
    "Open cell menu": "打开单元格菜单",
    "Table actions": "表格操作",
    "Textbox": "文本框",
}
LABEL_OPENINGS = {"bot's message: ": "回答：", "user's message: ": "问题："}


def relabel_script() -> str:
    """JavaScript for the page's load: puts the Chinese of FIXED_LABELS / LABEL_OPENINGS in
    aria-label, title and placeholder, now and whenever Gradio draws or redraws an element."""
    import json

    return f"""
const pqFixed = {json.dumps(FIXED_LABELS, ensure_ascii=False)};
const pqOpenings = Object.entries({json.dumps(LABEL_OPENINGS, ensure_ascii=False)});
const pqRelabel = () => {{
  for (const attr of ["aria-label", "title", "placeholder"]) {{
    for (const el of document.querySelectorAll(`[${{attr}}]`)) {{
      const label = el.getAttribute(attr);
      let chinese = pqFixed[label];
      for (const [english, zh] of pqOpenings) {{
        if (label.startsWith(english)) chinese = zh + label.slice(english.length);
      }}
      if (chinese !== undefined) el.setAttribute(attr, chinese);
    }}
  }}
}};
pqRelabel();
let pqPending = false;  // one pass per frame, however many changes came in it
new MutationObserver(() => {{
  if (pqPending) return;
  pqPending = true;
  requestAnimationFrame(() => {{ pqPending = false; pqRelabel(); }});
}}).observe(document.body, {{
  subtree: true, childList: true, attributes: true,
  attributeFilter: ["aria-label", "title", "placeholder"],
}});
"""


def gradio_i18n():
    """gr.I18n giving Gradio's strings in Chinese under every language it may pick."""
    import gradio as gr

    return gr.I18n(**{lang: dict(GRADIO_ZH) for lang in GRADIO_LANGUAGES})
